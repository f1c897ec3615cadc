package nl.werkproces.lti.admin;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.RegistrationInvites;
import nl.werkproces.lti.web.ToolUrls;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Registration links for LTI Dynamic Registration: made by a tool admin, shown once, single use. A link creates a
 * new platform with the link's name, or, when the admin chose a platform, re-registers that platform only.
 */
@Controller
class RegistrationLinksController {

	private final RegistrationInvites invites;

	private final PlatformRegistrations platforms;

	private final ToolUrls urls;

	private final Clock clock;

	private final AuditLog audit;

	private final SchoolClock schoolClock;

	RegistrationLinksController(RegistrationInvites invites, PlatformRegistrations platforms, ToolUrls urls,
			Clock clock, AuditLog audit, SchoolClock schoolClock) {
		this.schoolClock = schoolClock;
		this.invites = invites;
		this.platforms = platforms;
		this.urls = urls;
		this.clock = clock;
		this.audit = audit;
	}

	@GetMapping("/admin/registrations")
	String list(@RequestParam(required = false) Long platform, Model model) {
		Instant now = this.clock.instant();
		Map<Long, String> names = new HashMap<>();
		List<Platform> all = this.platforms.findAll();
		all.forEach((registered) -> names.put(registered.id(), registered.name()));
		model.addAttribute("platforms", all);
		model.addAttribute("chosenPlatform", platform);
		model.addAttribute("invites", this.invites.recent()
			.stream()
			.map((invite) -> new InviteRow(invite.label(), invite.createdBy(), this.schoolClock.format(invite.createdAt()),
					invite.used(), invite.usedIssuer(), !invite.used() && invite.expiresAt().isAfter(now),
					this.schoolClock.format(invite.expiresAt()), name(names, invite.platformId()),
					name(names, invite.reregisterPlatformId())))
			.toList());
		return "admin/registrations";
	}

	@PostMapping("/admin/registrations")
	String create(@RequestParam(defaultValue = "") String label, @RequestParam(required = false) Long platform,
			Principal admin, HttpServletRequest request, Model model) {
		Platform target = (platform != null) ? this.platforms.findById(platform).orElse(null) : null;
		String problem = (platform != null && target == null) ? "admin.registrations.error.platform"
				: (label.isBlank() && target == null) ? "admin.registrations.error.label"
						: (label.trim().length() > 255) ? "admin.registrations.error.labelTooLong" : null;
		if (problem != null) {
			model.addAttribute("linkError", problem);
			return list(platform, model);
		}
		String description = !label.isBlank() ? label.trim() : target.name();
		String token = (target != null) ? this.invites.createReregistration(target.id(), description, admin.getName())
				: this.invites.create(description, admin.getName());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("label", description);
		if (target != null) {
			after.put("reregisterPlatform", target.id());
		}
		this.audit.record(admin.getName(), "registration-link.create", "registration link '" + description + "'"
				+ ((target != null) ? " to re-register platform " + target.id() + " '" + target.name() + "'" : ""),
				null, after);
		model.addAttribute("createdLink", this.urls.url(request, "/lti/register?invite=" + token));
		return list(null, model);
	}

	private static String name(Map<Long, String> names, Long id) {
		return (id != null) ? names.getOrDefault(id, "#" + id) : null;
	}

	/**
	 * A registration link as listed (never with its token).
	 * @param platformName the platform its registration created or re-registered
	 * @param reregisters the platform it re-registers, or {@code null} for a new platform
	 */
	record InviteRow(String label, String createdBy, String createdAt, boolean used, String usedIssuer, boolean open,
			String expiresAt, String platformName, String reregisters) {

	}

}
