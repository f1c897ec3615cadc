package nl.werkproces.lti.submission;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.grading.ActivityRubrics;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.launch.LaunchSessionCookie;
import nl.werkproces.lti.storage.FileStorageException;
import nl.werkproces.lti.submission.Submission.FileContent;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The student's side of an activity: the assignment page, handing in, the receipt, the student's own files. Staff
 * are sent to the teacher's page. Everything is scoped to the launch's user and activity.
 */
@Controller
@RequestMapping("/app/student")
class StudentController {

	private static final Logger log = LoggerFactory.getLogger(StudentController.class);

	private final StudentPage page;

	private final ActivityRubrics rubrics;

	private final HandIns handIns;

	private final Submissions submissions;

	private final CurrentActivity current;

	StudentController(StudentPage page, HandIns handIns, Submissions submissions, CurrentActivity current,
			ActivityRubrics rubrics) {
		this.rubrics = rubrics;
		this.page = page;
		this.handIns = handIns;
		this.submissions = submissions;
		this.current = current;
	}

	@GetMapping
	ModelAndView assignment(@AuthenticationPrincipal LaunchSession launch,
			Locale locale) {
		if (launch.isStaff()) {
			return new ModelAndView(teacher());
		}
		Optional<ModelAndView> waiting = awaitingCriteria(launch, HttpStatus.OK);
		if (waiting.isPresent()) {
			return waiting.get();
		}
		return this.page.render(launch, LaunchSessionCookie.formToken(), locale);
	}

	@PostMapping("/submission")
	Object handIn(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		if (launch.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Optional<ModelAndView> waiting = awaitingCriteria(launch, HttpStatus.CONFLICT);
		if (waiting.isPresent()) {
			log.warn("Hand-in refused [NO_CRITERIA]: user {} on platform {}", launch.user().id(), launch.platformId());
			return waiting.get();
		}
		Activity activity = this.current.require(launch);
		List<Upload> uploads = (files != null)
				? files.stream().filter((file) -> !Upload.isBlank(file)).map(Upload::of).toList() : List.of();
		this.handIns.handIn(activity, launch, text, uploads);
		return LaunchSessionCookie.redirect("/app/student/receipt");
	}

	@GetMapping("/receipt")
	String receipt(@AuthenticationPrincipal LaunchSession launch, Model model) {
		if (launch.isStaff()) {
			return teacher();
		}
		Activity activity = this.current.require(launch);
		Submission submission = this.submissions.find(activity.id(), launch.platformId(), launch.user().id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("activity", activity);
		model.addAttribute("submission", submission);
		return "submission/receipt";
	}

	@GetMapping("/files/{id}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id) {
		Activity activity = this.current.require(launch);
		FileContent file;
		try {
			file = this.submissions.file(id, activity.id(), launch.platformId(), launch.user().id())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (FileStorageException ex) {
			log.warn("Hand-in file {} not served [STORAGE_UNAVAILABLE]: {}", id, ex.getMessage());
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	@ExceptionHandler(HandInRefusal.class)
	ModelAndView refused(HandInRefusal refusal, @AuthenticationPrincipal LaunchSession launch,
			HttpServletRequest request, Locale locale) {
		return this.page.refused(launch, LaunchSessionCookie.formToken(), locale, refusal, request.getParameter("text"));
	}

	/**
	 * A werkproces the dossier names by title only is not shown to students until the teacher has written its
	 * criteria: they see that the activity is not ready yet.
	 */
	private Optional<ModelAndView> awaitingCriteria(LaunchSession launch, HttpStatus status) {
		Activity activity = this.current.require(launch);
		if (!this.rubrics.current(activity).criteria().isEmpty()) {
			return Optional.empty();
		}
		ModelAndView view = new ModelAndView("submission/awaiting-criteria", status);
		view.addObject("launch", launch);
		view.addObject("activity", activity);
		return Optional.of(view);
	}

	private static String teacher() {
		return LaunchSessionCookie.redirect("/app/teacher");
	}

}
