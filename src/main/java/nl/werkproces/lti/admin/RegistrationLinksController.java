package nl.werkproces.lti.admin;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.RegistrationInvites;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registration links for LTI Dynamic Registration: made by a tool admin, shown once, single use. */
@Controller
class RegistrationLinksController {


	private final RegistrationInvites invites;

	private final ToolUrls urls;

	private final Clock clock;

	private final AuditLog audit;

	RegistrationLinksController(RegistrationInvites invites, ToolUrls urls, Clock clock, AuditLog audit) {
		this.invites = invites;
		this.urls = urls;
		this.clock = clock;
		this.audit = audit;
	}

	@GetMapping("/admin/registrations")
	String list(Model model) {
		Instant now = this.clock.instant();
		model.addAttribute("invites", this.invites.recent()
			.stream()
			.map((invite) -> new InviteRow(invite.label(), invite.createdBy(), AdminTimes.format(invite.createdAt()),
					invite.used(), invite.usedIssuer(), !invite.used() && invite.expiresAt().isAfter(now),
					AdminTimes.format(invite.expiresAt())))
			.toList());
		return "admin/registrations";
	}

	@PostMapping("/admin/registrations")
	String create(@RequestParam(defaultValue = "") @Size(max = 255) String label, Principal admin,
			HttpServletRequest request, Model model) {
		String description = label.isBlank() ? "Moodle" : label.trim();
		String token = this.invites.create(description, admin.getName());
		this.audit.record(admin.getName(), "registration-link.create", "registration link '" + description + "'", null,
				java.util.Map.of("label", description));
		model.addAttribute("createdLink", this.urls.url(request, "/lti/register?invite=" + token));
		return list(model);
	}

	/** A registration link as listed (never with its token). */
	record InviteRow(String label, String createdBy, String createdAt, boolean used, String usedIssuer, boolean open,
			String expiresAt) {

	}

}
