package nl.werkproces.lti.admin;

import java.security.Principal;
import java.util.Map;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.keys.KeysProperties;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The tool's keys and their rotation: publish the next key, let it sign (automatically after
 * {@code lti.keys.rotation-overlap}, or now), and stop publishing a retired key.
 */
@Controller
class KeysAdminController {


	private final ToolKeys keys;

	private final AuditLog audit;

	private final KeysProperties properties;

	private final SchoolClock clock;

	KeysAdminController(ToolKeys keys, AuditLog audit, KeysProperties properties, SchoolClock clock) {
		this.clock = clock;
		this.keys = keys;
		this.audit = audit;
		this.properties = properties;
	}

	@GetMapping("/admin/keys")
	String list(Model model) {
		model.addAttribute("keys", this.keys.publishedKeys()
			.stream()
			.map((key) -> Map.of("kid", key.kid(), "status", key.status().name(), "created",
					this.clock.format(key.createdAt())))
			.toList());
		model.addAttribute("overlapHours", this.properties.rotationOverlap().toHours());
		return "admin/keys";
	}

	@PostMapping("/admin/keys/next")
	String publishNext(Principal admin) {
		String kid = this.keys.publishNext();
		this.audit.record(admin.getName(), "key.publish-next", "key " + kid, null, Map.of("status", "NEXT"));
		return "redirect:/admin/keys";
	}

	@PostMapping("/admin/keys/activate")
	String activateNext(Principal admin) {
		this.keys.activateNext()
			.ifPresent((kid) -> this.audit.record(admin.getName(), "key.activate", "key " + kid,
					Map.of("status", "NEXT"), Map.of("status", "ACTIVE")));
		return "redirect:/admin/keys";
	}

	@PostMapping("/admin/keys/{kid}/remove")
	String remove(@PathVariable String kid, Principal admin) {
		if (this.keys.removeRetired(kid)) {
			this.audit.record(admin.getName(), "key.remove", "key " + kid, Map.of("status", "RETIRED"), null);
		}
		return "redirect:/admin/keys";
	}

}
