package nl.werkproces.lti.privacy;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.PlatformRegistrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command-line API of the privacy pages under {@code /api/admin} (HTTP Basic, admin-only by
 * {@code AdminSecurityConfiguration}): find users, export one (ZIP), erase one with a reason, read and set a
 * platform's retention period. Errors are problem details with a {@code reason}.
 */
@RestController
class PrivacyApiController {

	private static final Logger log = LoggerFactory.getLogger(PrivacyApiController.class);

	private final PlatformRegistrations platforms;

	private final PlatformUsers users;

	private final PersonalDataExport export;

	private final UserErasure erasure;

	private final RetentionSettings retention;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	PrivacyApiController(PlatformRegistrations platforms, PlatformUsers users, PersonalDataExport export,
			UserErasure erasure, RetentionSettings retention, AuditLog audit, TransactionTemplate transactions) {
		this.platforms = platforms;
		this.users = users;
		this.export = export;
		this.erasure = erasure;
		this.retention = retention;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping("/api/admin/platforms/{platformId}/users")
	ResponseEntity<?> search(@PathVariable long platformId, @RequestParam(required = false) String q) {
		if (this.platforms.findById(platformId).isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "PLATFORM_NOT_FOUND", "no platform " + platformId);
		}
		if (q == null || q.isBlank() || q.strip().length() > 255) {
			return problem(HttpStatus.BAD_REQUEST, "USER_SEARCH_INVALID", "q (1 to 255 characters) is required");
		}
		List<Map<String, Object>> found = this.users.search(platformId, q.strip())
			.stream()
			.map(PrivacyApiController::user)
			.toList();
		return ResponseEntity.ok(found);
	}

	@GetMapping("/api/admin/platforms/{platformId}/users/{userId}/export")
	ResponseEntity<?> export(@PathVariable long platformId, @PathVariable long userId, Principal admin,
			HttpServletResponse response) throws IOException {
		var user = this.users.find(platformId, userId);
		if (user.isEmpty()) {
			return userNotFound(platformId, userId);
		}
		PrivacyAdminController.stream(user.get(), admin, response, this.export, this.audit, this.transactions);
		return null;
	}

	@PostMapping("/api/admin/platforms/{platformId}/users/{userId}/erasure")
	ResponseEntity<?> erase(@PathVariable long platformId, @PathVariable long userId,
			@RequestParam(required = false) String reason, Principal admin) {
		try {
			UserErasure.Erased erased = this.erasure.erase(platformId, userId, reason, admin.getName());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("erasure", erased.erasureId());
			body.put("erasedAt", erased.erasedAt().toString());
			body.put("removed", erased.counts());
			return ResponseEntity.ok(body);
		}
		catch (ErasureRefused ex) {
			log.warn("erasure refused reason={} platform={} user={}: {}", ex.reason(), platformId, userId,
					ex.getMessage());
			return problem(ex.reason().status(), ex.reason().name(), ex.getMessage());
		}
	}

	@GetMapping("/api/admin/platforms/{platformId}/retention")
	ResponseEntity<?> retention(@PathVariable long platformId) {
		if (this.platforms.findById(platformId).isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "PLATFORM_NOT_FOUND", "no platform " + platformId);
		}
		return ResponseEntity.ok(retentionBody(platformId));
	}

	@PostMapping("/api/admin/platforms/{platformId}/retention")
	ResponseEntity<?> setRetention(@PathVariable long platformId, @RequestParam(required = false) String months,
			Principal admin) {
		if (this.platforms.findById(platformId).isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "PLATFORM_NOT_FOUND", "no platform " + platformId);
		}
		Integer value;
		try {
			value = new RetentionForm(months).parse();
		}
		catch (IllegalArgumentException ex) {
			log.warn("retention period refused reason=RETENTION_MONTHS_INVALID platform={}: {}", platformId,
					ex.getMessage());
			return problem(HttpStatus.BAD_REQUEST, "RETENTION_MONTHS_INVALID",
					"months must be empty (keep) or a whole number from 1 to " + RetentionSettings.MAX_MONTHS);
		}
		PrivacyAdminController.save(this.retention, this.audit, this.transactions, platformId, value, admin);
		return ResponseEntity.ok(retentionBody(platformId));
	}

	private Map<String, Object> retentionBody(long platformId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("platform", platformId);
		body.put("retentionMonths", this.retention.months(platformId).orElse(null));
		return body;
	}

	private static Map<String, Object> user(PlatformUsers.PlatformUser user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", user.id());
		body.put("subject", user.subject());
		body.put("name", user.name());
		body.put("lastSeen", user.updatedAt().toString());
		return body;
	}

	private static ResponseEntity<?> userNotFound(long platformId, long userId) {
		log.warn("privacy request refused reason=ERASURE_USER_NOT_FOUND platform={} user={}", platformId, userId);
		return problem(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "no user " + userId + " on platform " + platformId);
	}

	private static ResponseEntity<?> problem(HttpStatus status, String reason, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("reason", reason);
		return ResponseEntity.status(status).body(problem);
	}

}
