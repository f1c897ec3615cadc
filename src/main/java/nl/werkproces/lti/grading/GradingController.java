package nl.werkproces.lti.grading;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.grading.HandInsToGrade.FileContent;
import nl.werkproces.lti.grading.HandInsToGrade.HandIn;
import nl.werkproces.lti.grading.Students.Student;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.storage.FileStorageException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The grading screen: a student's work beside the rubric; draft, finalize, confirm (second assessor), reopen; and
 * downloads of handed-in files. Staff only; the student and file must belong to the session's activity.
 */
@Controller
class GradingController {

	private static final Logger log = LoggerFactory.getLogger(GradingController.class);

	private final CurrentActivity current;

	private final Students students;

	private final HandInsToGrade handIns;

	private final GradingRecords records;

	private final GradingFlow flow;

	private final AssessmentSettings settings;

	private final GradingHistoryEntries history;

	GradingController(CurrentActivity current, Students students, HandInsToGrade handIns, GradingRecords records,
			GradingFlow flow, AssessmentSettings settings, GradingHistoryEntries history) {
		this.current = current;
		this.students = students;
		this.handIns = handIns;
		this.records = records;
		this.flow = flow;
		this.settings = settings;
		this.history = history;
	}

	@GetMapping("/app/teacher/students/{userId}")
	String show(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId, Model model) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		Student student = student(activity, userId);
		Optional<Grading> grading = this.records.find(activity.id(), userId);
		return page(launch, activity, student, grading, null, model);
	}

	@PostMapping("/app/teacher/students/{userId}/draft")
	String draft(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId,
			@RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return step(launch, userId, form, model, response, "saved",
				(activity, input) -> this.flow.saveDraft(launch, activity, userId, input));
	}

	@PostMapping("/app/teacher/students/{userId}/finalize")
	String finalize(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId,
			@RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return step(launch, userId, form, model, response, "finalized",
				(activity, input) -> this.flow.finalize(launch, activity, userId, input));
	}

	@PostMapping("/app/teacher/students/{userId}/confirm")
	String confirm(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId,
			@RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return step(launch, userId, form, model, response, "confirmed",
				(activity, input) -> this.flow.confirm(launch, activity, userId, input));
	}

	@PostMapping("/app/teacher/students/{userId}/reopen")
	String reopen(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId,
			@RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		return step(launch, userId, form, model, response, "reopened",
				(activity, input) -> this.flow.reopen(activity, userId));
	}

	@GetMapping("/app/teacher/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal LaunchSession launch, @PathVariable long fileId) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		FileContent file;
		try {
			file = this.handIns.file(activity.id(), activity.platformId(), fileId)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (FileStorageException ex) {
			log.warn("Hand-in file {} not served to staff [STORAGE_UNAVAILABLE]: {}", fileId, ex.getMessage());
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(file.content());
	}

	private String step(LaunchSession launch, long userId, MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, String done, Step step) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		Student student = student(activity, userId);
		GradingInput input = null;
		try {
			input = GradingInput.from(form);
			Grading result = step.apply(activity, input);
			// offered for confirmation is not finished: the page says that it waits for the second assessor
			String shown = (result.status() == GradingStatus.AWAITING_CONFIRMATION) ? "awaiting" : done;
			return LaunchSessionCookie.redirect("/app/teacher/students/" + userId + "?done=" + shown);
		}
		catch (GradingException ex) {
			response.setStatus(ex.reason().status().value());
			model.addAttribute("error", ex);
			return page(launch, activity, student, this.records.find(activity.id(), userId), input, model);
		}
	}

	private String page(LaunchSession launch, Activity activity, Student student, Optional<Grading> grading,
			GradingInput input, Model model) {
		Rubric rubric = this.flow.rubricFor(activity, grading);
		Optional<HandIn> handIn = this.handIns.find(activity.id(), student.id());
		model.addAttribute("launch", launch);
		model.addAttribute("activity", activity);
		model.addAttribute("rubric", rubric);
		model.addAttribute("student", student);
		model.addAttribute("handIn", handIn.orElse(null));
		model.addAttribute("files", handIn.map((h) -> this.handIns.files(h.id())).orElse(List.of()));
		model.addAttribute("grading", grading.orElse(null));
		model.addAttribute("levels", (input != null) ? input.levels()
				: grading.map(Grading::levels).orElse(Map.of()));
		model.addAttribute("remarks", (input != null) ? input.remarks()
				: grading.map(Grading::remarks).orElse(Map.of()));
		model.addAttribute("overallRemark", (input != null) ? input.overallRemark()
				: grading.map(Grading::overallRemark).orElse(null));
		model.addAttribute("secondAssessor", this.settings.secondAssessorRequired(activity.id()));
		boolean awaiting = grading.map((g) -> g.status() == GradingStatus.AWAITING_CONFIRMATION).orElse(false);
		boolean canConfirm = awaiting && grading.get().assessorUserId() != launch.user().id();
		model.addAttribute("editable", grading.map(Grading::isEditable).orElse(true) || canConfirm);
		model.addAttribute("canConfirm", canConfirm);
		model.addAttribute("errorCriteria", (model.getAttribute("error") instanceof GradingException error)
				? criteriaNamed(rubric, error.criteria()) : List.of());
		model.addAttribute("history", this.history.of(activity, student.id(), rubric));
		neighbours(activity, student, model);
		return "teacher/grading";
	}

	/** Criteria as the teacher knows them: "3. Werkt ordelijk en systematisch …", never the internal key. */
	private static List<String> criteriaNamed(Rubric rubric, List<String> keys) {
		List<String> named = new java.util.ArrayList<>();
		for (String key : keys) {
			int index = rubric.criteria().stream().map(Criterion::key).toList().indexOf(key);
			named.add((index >= 0) ? (index + 1) + ". " + rubric.criteria().get(index).text() : "?");
		}
		return named;
	}

	/** The students before and after this one in the roster's order, for "Vorige student" / "Volgende student". */
	private void neighbours(Activity activity, Student student, Model model) {
		List<Student> all = this.students.of(activity)
			.stream()
			.sorted(Comparator.comparing((Student s) -> s.displayName().toLowerCase()).thenComparing(Student::id))
			.toList();
		int at = all.stream().map(Student::id).toList().indexOf(student.id());
		model.addAttribute("previous", (at > 0) ? all.get(at - 1) : null);
		model.addAttribute("next", (at >= 0 && at < all.size() - 1) ? all.get(at + 1) : null);
	}

	private Student student(Activity activity, long userId) {
		return this.students.find(activity, userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@FunctionalInterface
	private interface Step {

		Grading apply(Activity activity, GradingInput input);

	}

}
