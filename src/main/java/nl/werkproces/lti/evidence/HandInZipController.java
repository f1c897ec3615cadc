package nl.werkproces.lti.evidence;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.evidence.HandInZipContents.HandIn;
import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * All hand-ins of the launch's activity as one ZIP for its staff, streamed to the response while it is written
 * ({@link HandInZipWriter}). The activity is the session's own (its platform and resource link): a student gets 403,
 * and staff of another course or platform can only ever reach their own activity's hand-ins.
 */
@Controller
class HandInZipController {

	private static final Logger log = LoggerFactory.getLogger(HandInZipController.class);

	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private final CurrentActivity current;

	private final HandInZipWriter writer;

	private final Clock clock;

	private final SchoolClock schoolClock;

	HandInZipController(CurrentActivity current, HandInZipWriter writer, Clock clock, SchoolClock schoolClock) {
		this.current = current;
		this.writer = writer;
		this.clock = clock;
		this.schoolClock = schoolClock;
	}

	@GetMapping("/app/teacher/hand-ins.zip")
	ResponseEntity<StreamingResponseBody> handIns(@AuthenticationPrincipal LaunchSession launch, Locale locale) {
		Activity activity = this.current.require(StaffOnly.require(launch));
		List<HandIn> handIns = this.writer.handIns(activity);
		String name = "inleveringen-" + HandInZipFolders.file(activity.werkprocesCode()) + "-"
				+ this.schoolClock.dayOf(this.clock.instant()) + ".zip";
		long userId = launch.user().id();
		StreamingResponseBody body = (out) -> {
			HandInZipWriter.Written written;
			try {
				written = this.writer.write(activity, handIns, locale, out);
			}
			catch (IOException ex) {
				log.info("Hand-in ZIP of activity {} for user {} broken off [HANDIN_ZIP_ABORTED]: {}", activity.id(),
						userId, ex.getMessage());
				return;
			}
			log.atInfo()
				.addKeyValue("lti.event", "lti.handin.zip")
				.addKeyValue("platform_id", activity.platformId())
				.addKeyValue("problems", written.problems())
				.log("Hand-in ZIP of activity {} for user {} [HANDIN_ZIP]: {} student(s), {} file(s), {} problem(s)",
						activity.id(), userId, written.students(), written.files(), written.problems());
		};
		return ResponseEntity.ok()
			.contentType(ZIP)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
