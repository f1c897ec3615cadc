package nl.werkproces.lti.privacy;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformForm;
import nl.werkproces.lti.registration.PlatformRegistrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tool admin pages for personal data (AVG): find a user of a platform, download everything stored about them
 * (ZIP), erase them with a reason, and set a platform's retention period. Admin-only by
 * {@code AdminSecurityConfiguration} (form sign-in, CSRF on every POST); a user is always looked up by platform
 * and id together, so another platform's user id is a 404.
 */
@Controller
class PrivacyAdminController {

	private static final Logger log = LoggerFactory.getLogger(PrivacyAdminController.class);

	private final PlatformRegistrations platforms;

	private final PlatformUsers users;

	private final PrivacySummary summary;

	private final PersonalDataExport export;

	private final UserErasure erasure;

	private final RetentionSettings retention;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	PrivacyAdminController(PlatformRegistrations platforms, PlatformUsers users, PrivacySummary summary,
			PersonalDataExport export, UserErasure erasure, RetentionSettings retention, AuditLog audit,
			TransactionTemplate transactions) {
		this.platforms = platforms;
		this.users = users;
		this.summary = summary;
		this.export = export;
		this.erasure = erasure;
		this.retention = retention;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping("/admin/privacy")
	String search(@RequestParam(required = false) Long platform, @RequestParam(required = false) String q,
			Model model) {
		model.addAttribute("platforms", this.platforms.findAll());
		model.addAttribute("selected", (platform != null) ? platform(platform) : null);
		model.addAttribute("q", (q != null) ? q.strip() : "");
		List<PlatformUsers.PlatformUser> found = (platform != null && q != null && !q.isBlank()
				&& q.strip().length() <= 255) ? this.users.search(platform, q.strip()) : List.of();
		model.addAttribute("found", found);
		model.addAttribute("searched", platform != null && q != null && !q.isBlank());
		return "admin/privacy";
	}

	@GetMapping("/admin/privacy/platforms/{platformId}/users/{userId}")
	String user(@PathVariable long platformId, @PathVariable long userId, Model model) {
		return userPage(model, platform(platformId), user(platformId, userId), null, null);
	}

	@GetMapping("/admin/privacy/platforms/{platformId}/users/{userId}/export")
	void export(@PathVariable long platformId, @PathVariable long userId, Principal admin,
			HttpServletResponse response) throws IOException {
		platform(platformId);
		stream(user(platformId, userId), admin, response, this.export, this.audit, this.transactions);
	}

	@PostMapping("/admin/privacy/platforms/{platformId}/users/{userId}/erase")
	String erase(@PathVariable long platformId, @PathVariable long userId,
			@RequestParam(required = false) String reason, Principal admin, Model model,
			HttpServletResponse response) {
		Platform platform = platform(platformId);
		PlatformUsers.PlatformUser user = user(platformId, userId);
		try {
			UserErasure.Erased erased = this.erasure.erase(platformId, userId, reason, admin.getName());
			model.addAttribute("platform", platform);
			model.addAttribute("erased", erased);
			return "admin/privacy-erased";
		}
		catch (ErasureRefused ex) {
			log.warn("erasure refused reason={} platform={} user={}: {}", ex.reason(), platformId, userId,
					ex.getMessage());
			if (ex.reason() == ErasureRefused.Reason.ERASURE_USER_NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			response.setStatus(ex.reason().status().value());
			return userPage(model, platform, user, ex.reason().name(), reason);
		}
	}

	@PostMapping("/admin/platforms/{platformId}/retention")
	String setRetention(@PathVariable long platformId, @RequestParam(required = false) String months,
			Principal admin, Model model, HttpServletResponse response) {
		Platform platform = platform(platformId);
		Integer value;
		try {
			value = new RetentionForm(months).parse();
		}
		catch (IllegalArgumentException ex) {
			log.warn("retention period refused reason=RETENTION_MONTHS_INVALID platform={}: {}", platformId,
					ex.getMessage());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", PlatformForm.of(platform));
			model.addAttribute("platform", platform);
			model.addAttribute("errors", Map.of());
			model.addAttribute("retentionError", true);
			model.addAttribute("retentionValue", months);
			return "admin/platform";
		}
		save(this.retention, this.audit, this.transactions, platformId, value, admin);
		return "redirect:/admin/platforms/" + platformId + "?retention";
	}

	static void save(RetentionSettings retention, AuditLog audit, TransactionTemplate transactions, long platformId,
			Integer months, Principal admin) {
		transactions.executeWithoutResult((status) -> {
			Integer before = retention.months(platformId).orElse(null);
			retention.set(platformId, months);
			audit.record(admin.getName(), "privacy.retention.set", "platform " + platformId,
					java.util.Collections.singletonMap("retentionMonths", before),
					java.util.Collections.singletonMap("retentionMonths", months));
		});
	}

	/** Streams the user's ZIP (audited first: who downloaded whose data). */
	static void stream(PlatformUsers.PlatformUser user, Principal admin, HttpServletResponse response,
			PersonalDataExport export, AuditLog audit, TransactionTemplate transactions) throws IOException {
		transactions.executeWithoutResult((status) -> audit.record(admin.getName(), "privacy.export",
				"platform " + user.platformId() + " user " + user.id(), null, null));
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename=\"persoonsgegevens-platform-"
				+ user.platformId() + "-gebruiker-" + user.id() + ".zip\"");
		response.setHeader("Cache-Control", "no-store");
		export.write(user, response.getOutputStream());
		log.info("personal data exported reason=PRIVACY_EXPORT platform={} user={} by={}", user.platformId(),
				user.id(), admin.getName());
	}

	private String userPage(Model model, Platform platform, PlatformUsers.PlatformUser user, String refused,
			String reason) {
		model.addAttribute("platform", platform);
		model.addAttribute("user", user);
		model.addAttribute("counts", this.summary.of(user));
		model.addAttribute("refused", refused);
		model.addAttribute("reason", (reason != null) ? reason : "");
		model.addAttribute("maxReason", UserErasure.MAX_REASON);
		return "admin/privacy-user";
	}

	private Platform platform(long id) {
		return this.platforms.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private PlatformUsers.PlatformUser user(long platformId, long userId) {
		return this.users.find(platformId, userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
