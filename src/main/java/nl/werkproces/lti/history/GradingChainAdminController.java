package nl.werkproces.lti.history;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.web.SchoolClock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Tool admin: verifies the grading history's hash chains, for one activity or the whole database. The page is under
 * {@code /admin} (form sign-in), the API under {@code /api/admin} (HTTP Basic); both are admin-only by
 * {@code AdminSecurityConfiguration}. Tool admins are tool-wide, so the check covers every platform.
 */
@Controller
class GradingChainAdminController {

	private static final Logger log = LoggerFactory.getLogger(GradingChainAdminController.class);

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private final GradingHistory history;

	private final AuditLog audit;

	private final SchoolClock clock;

	GradingChainAdminController(GradingHistory history, AuditLog audit, SchoolClock clock) {
		this.history = history;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/admin/grading-chain")
	String page(@RequestParam(required = false) Long activity, Model model, Principal admin,
			HttpServletResponse response) {
		model.addAttribute("activity", activity);
		if (unknown(activity)) {
			// the form stays, with the reason: an activity that does not exist has no chain to call intact
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("unknownActivity", String.valueOf(activity));
			return "admin/grading-chain";
		}
		model.addAttribute("check", check(activity, admin));
		return "admin/grading-chain";
	}

	@GetMapping("/api/admin/grading-chain")
	@ResponseBody
	ResponseEntity<Map<String, Object>> api(@RequestParam(required = false) Long activity, Principal admin) {
		if (unknown(activity)) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", "unknown-activity");
			body.put("message", "no activity " + activity);
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
		}
		ChainCheck check = check(activity, admin);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("intact", check.intact());
		body.put("activitiesChecked", check.activitiesChecked());
		body.put("versionsChecked", check.versionsChecked());
		body.put("broken", check.broken());
		// versions erased on purpose (AVG): reported as erased, never as broken
		body.put("erased", check.erased().stream().map((e) -> {
			Map<String, Object> erased = new LinkedHashMap<>();
			erased.put("activityId", e.activityId());
			erased.put("versionId", e.versionId());
			erased.put("versionNo", e.versionNo());
			erased.put("chainSeq", e.chainSeq());
			erased.put("erasure", e.erasureId());
			erased.put("erasedAt", e.erasedAt().toString());
			erased.put("state", "gewist op " + this.clock.format(e.erasedAt(), DUTCH) + " (AVG)");
			return erased;
		}).toList());
		return ResponseEntity.ok(body);
	}

	private boolean unknown(Long activity) {
		if (activity == null || this.history.activityExists(activity)) {
			return false;
		}
		log.info("grading chain check refused reason=GRADING_CHAIN_UNKNOWN_ACTIVITY activity={}", activity);
		return true;
	}

	private ChainCheck check(Long activity, Principal admin) {
		ChainCheck check = (activity != null) ? this.history.verifyActivity(activity) : this.history.verifyAll();
		String scope = (activity != null) ? "activity " + activity : "all";
		this.audit.record(admin.getName(), "grading.chain.verify", scope, null,
				Map.of("intact", String.valueOf(check.intact()), "versions", String.valueOf(check.versionsChecked()),
						"erased", String.valueOf(check.erased().size())));
		if (!check.intact()) {
			log.warn("grading history chain broken reason=GRADING_CHAIN_{} activity={} version={} seq={}",
					check.broken().problem(), check.broken().activityId(), check.broken().versionId(),
					check.broken().chainSeq());
		}
		return check;
	}

}
