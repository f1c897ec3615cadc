package nl.werkproces.lti.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.grading.Students;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.web.ToolErrorAttributes;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The filled-in beoordelingsformulier: for the activity's staff any student's (print view and PDF) and all of them
 * as one ZIP; for a student their own, once final. Everything is scoped to the launch's activity and platform: a
 * student of another activity, course or platform is unknown here (404).
 */
@Controller
class FilledInFormController {

	private static final Logger log = LoggerFactory.getLogger(FilledInFormController.class);

	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private final CurrentActivity current;

	private final Students students;

	private final FilledInForms forms;

	private final FilledInFormPdf pdf;

	private final FilledInFormsZip zip;

	FilledInFormController(CurrentActivity current, Students students, FilledInForms forms, FilledInFormPdf pdf,
			FilledInFormsZip zip) {
		this.current = current;
		this.students = students;
		this.forms = forms;
		this.pdf = pdf;
		this.zip = zip;
	}

	@GetMapping("/app/teacher/students/{userId}/beoordelingsformulier")
	String teacherView(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId, Locale locale,
			Model model) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		return view(this.forms.of(activity, student(activity, userId), locale), userId, model);
	}

	@GetMapping("/app/teacher/students/{userId}/beoordelingsformulier.pdf")
	ResponseEntity<byte[]> teacherPdf(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId,
			Locale locale) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		return pdf(this.forms.of(activity, student(activity, userId), locale), userId);
	}

	@GetMapping("/app/teacher/beoordelingsformulieren.zip")
	void teacherZip(@AuthenticationPrincipal LaunchSession launch, Locale locale, HttpServletResponse response)
			throws IOException {
		Activity activity = this.current.require(StaffOnly.require(launch));
		if (!this.zip.anyFinal(activity)) {
			throw EvidenceRefusal.noFinalForms(activity.id());
		}
		String name = "beoordelingsformulieren_" + EvidenceFileNames.part(activity.werkprocesCode(), "werkproces")
				+ "_" + activity.id() + ".zip";
		streamZip(response, name, (out) -> this.zip.write(activity, this.students.of(activity), locale, out));
	}

	@GetMapping("/app/student/beoordelingsformulier")
	String studentView(@AuthenticationPrincipal LaunchSession launch, Locale locale, Model model) {
		Activity activity = ownActivity(launch);
		return view(this.forms.of(activity, launch.user().id(), locale), null, model);
	}

	@GetMapping("/app/student/beoordelingsformulier.pdf")
	ResponseEntity<byte[]> studentPdf(@AuthenticationPrincipal LaunchSession launch, Locale locale) {
		Activity activity = ownActivity(launch);
		return pdf(this.forms.of(activity, launch.user().id(), locale), launch.user().id());
	}

	@ExceptionHandler(EvidenceRefusal.class)
	void refused(EvidenceRefusal refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
		refuse(refusal, request, response);
	}

	static void refuse(EvidenceRefusal refusal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.warn("Evidence refused [{}]: {} ({})", refusal.reasonCode(), request.getRequestURI(), refusal.getMessage());
		request.setAttribute(ToolErrorAttributes.MESSAGE_KEY, refusal.messageKey());
		response.sendError(refusal.status().value());
	}

	/** A student's own activity; staff have no own form. */
	private Activity ownActivity(LaunchSession launch) {
		if (launch == null || launch.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return this.current.require(launch);
	}

	private long student(Activity activity, long userId) {
		return this.students.find(activity, userId).orElseThrow(() -> EvidenceRefusal.unknownStudent(userId)).id();
	}

	private String view(FilledInForm form, Long studentUserId, Model model) {
		model.addAttribute("f", form);
		model.addAttribute("studentUserId", studentUserId);
		return "evidence/beoordelingsformulier";
	}

	private ResponseEntity<byte[]> pdf(FilledInForm form, long userId) {
		String name = "beoordelingsformulier_" + EvidenceFileNames.part(form.werkprocesCode(), "werkproces") + "_"
				+ EvidenceFileNames.part(form.studentName(), "student") + "_" + userId + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(this.pdf.render(form));
	}

	/** Streams an archive straight to the response: the headers first, then entry by entry. */
	static void streamZip(HttpServletResponse response, String filename, ZipBody body) throws IOException {
		response.setContentType(ZIP.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		OutputStream out = response.getOutputStream();
		body.write(out);
		out.flush();
	}

	/** Writes an archive to the response's stream. */
	@FunctionalInterface
	interface ZipBody {

		void write(OutputStream out) throws IOException;

	}

}
