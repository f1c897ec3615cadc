package nl.werkproces.lti.evidence;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.launch.LaunchSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A student's examendossier (ZIP). For the course's staff: the activities of the launch's course (its context on the
 * launch's platform; without a course only the launch's activity). For the tool admin (API, HTTP Basic): every
 * activity of the student's platform. A student with no work in those activities is unknown (404).
 */
@Controller
class ExamendossierController {

	private final CurrentActivity current;

	private final Activities activities;

	private final EvidenceRecords records;

	private final ExamendossierZip zip;

	private final AuditLog audit;

	ExamendossierController(CurrentActivity current, Activities activities, EvidenceRecords records,
			ExamendossierZip zip, AuditLog audit) {
		this.current = current;
		this.activities = activities;
		this.records = records;
		this.zip = zip;
		this.audit = audit;
	}

	@GetMapping("/app/teacher/students/{userId}/examendossier.zip")
	void teacher(@AuthenticationPrincipal LaunchSession launch, @PathVariable long userId, Locale locale,
			HttpServletResponse response) throws IOException {
		Activity activity = this.current.require(StaffOnly.require(launch));
		List<Activity> course = (launch.context() != null)
				? of(launch.platformId(), this.records.courseResourceLinks(launch.platformId(), launch.context().id()))
				: List.of(activity);
		write(launch.platformId(), userId, course, locale, response);
	}

	@GetMapping("/api/admin/platforms/{platformId}/users/{userId}/examendossier.zip")
	void admin(@PathVariable long platformId, @PathVariable long userId, Principal admin, Locale locale,
			HttpServletResponse response) throws IOException {
		List<Activity> all = of(platformId, this.records.platformResourceLinks(platformId));
		this.audit.record(admin.getName(), "evidence.examendossier.export", "platform " + platformId + " user " + userId,
				null, Map.of());
		write(platformId, userId, all, locale, response);
	}

	@ExceptionHandler(EvidenceRefusal.class)
	void refused(EvidenceRefusal refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
		FilledInFormController.refuse(refusal, request, response);
	}

	private void write(long platformId, long userId, List<Activity> scope, Locale locale, HttpServletResponse response)
			throws IOException {
		StudentName student = this.records.student(platformId, userId)
			.orElseThrow(() -> EvidenceRefusal.noWork(userId));
		List<Activity> withWork = this.zip.withWork(scope, userId);
		if (withWork.isEmpty()) {
			throw EvidenceRefusal.noWork(userId);
		}
		FilledInFormController.streamZip(response, ExamendossierZip.filename(student),
				(out) -> this.zip.write(student, withWork, locale, out));
	}

	private List<Activity> of(long platformId, List<Long> resourceLinks) {
		return resourceLinks.stream()
			.map((link) -> this.activities.forResourceLink(platformId, link))
			.flatMap(Optional::stream)
			.toList();
	}

}
