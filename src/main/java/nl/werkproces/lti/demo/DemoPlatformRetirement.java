package nl.werkproces.lti.demo;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the demo switched off ({@code lti.demo.enabled=false}) the demo platform's registration, left from a run
 * with the demo on, is disabled at start-up: nothing can launch as it and its origin leaves the
 * Content-Security-Policy. Audited as done by {@code system}. Switching the demo on again enables it again.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "false", matchIfMissing = true)
class DemoPlatformRetirement implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlatformRetirement.class);

	private final PlatformRegistrations registrations;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	DemoPlatformRetirement(PlatformRegistrations registrations, AuditLog audit, TransactionTemplate transaction) {
		this.registrations = registrations;
		this.audit = audit;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Platform platform : this.registrations.findAll()) {
			if (platform.source() == PlatformSource.DEMO && platform.enabled()) {
				this.transaction.executeWithoutResult((status) -> {
					this.registrations.setEnabled(platform.id(), false);
					this.audit.record("system", "platform.disable", "platform " + platform.id() + " ("
							+ platform.issuer() + ", " + platform.clientId() + ")", Map.of("enabled", true),
							Map.of("enabled", false, "reason", "lti.demo.enabled=false"));
				});
				log.info("Demo platform registration {} disabled: the demo is switched off", platform.issuer());
			}
		}
	}

}
