package nl.werkproces.lti.admin;

import java.security.Principal;
import java.util.Map;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformForm;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Platforms by hand: add, edit (the fields of the platforms file), enable and disable. Every change is audited. */
@Controller
class PlatformAdminController {

	private final PlatformRegistrations registrations;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	PlatformAdminController(PlatformRegistrations registrations, AuditLog audit, TransactionTemplate transaction) {
		this.registrations = registrations;
		this.audit = audit;
		this.transaction = transaction;
	}

	@GetMapping("/admin/platforms/new")
	String newPlatform(Model model) {
		return form(model, PlatformForm.empty(), null, Map.of());
	}

	@PostMapping("/admin/platforms")
	String create(@ModelAttribute PlatformForm form, Principal admin, Model model) {
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			return form(model, form, null, errors);
		}
		if (this.registrations.find(form.issuer().trim(), form.clientId().trim()).isPresent()) {
			return form(model, form, null, Map.of("clientId", "admin.platform.error.duplicate"));
		}
		this.transaction.executeWithoutResult((status) -> {
			Platform created = this.registrations.register(form.toSettings(), PlatformSource.ADMIN);
			this.audit.record(admin.getName(), "platform.create", target(created), null, created.settings());
		});
		return "redirect:/admin";
	}

	@GetMapping("/admin/platforms/{id}")
	String edit(@PathVariable long id, Model model) {
		Platform platform = platform(id);
		return form(model, PlatformForm.of(platform), platform, Map.of());
	}

	@PostMapping("/admin/platforms/{id}")
	String update(@PathVariable long id, @ModelAttribute PlatformForm form, Principal admin, Model model) {
		Platform platform = platform(id);
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			return form(model, form, platform, errors);
		}
		try {
			this.transaction.executeWithoutResult((status) -> {
				Platform updated = this.registrations.update(id, form.toSettings());
				this.audit.record(admin.getName(), "platform.update", target(updated), platform.settings(),
						updated.settings());
			});
		}
		catch (DuplicateKeyException ex) {
			return form(model, form, platform, Map.of("clientId", "admin.platform.error.duplicate"));
		}
		return "redirect:/admin";
	}

	@PostMapping("/admin/platforms/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, Principal admin) {
		Platform platform = platform(id);
		this.transaction.executeWithoutResult((status) -> {
			this.registrations.setEnabled(id, enabled);
			this.audit.record(admin.getName(), enabled ? "platform.enable" : "platform.disable", target(platform),
					Map.of("enabled", platform.enabled()), Map.of("enabled", enabled));
		});
		return "redirect:/admin";
	}

	private Platform platform(long id) {
		return this.registrations.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String form(Model model, PlatformForm form, Platform platform, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("platform", platform);
		model.addAttribute("errors", errors);
		return "admin/platform";
	}

	private static String target(Platform platform) {
		return "platform " + platform.id() + " (" + platform.issuer() + ", " + platform.clientId() + ")";
	}

}
