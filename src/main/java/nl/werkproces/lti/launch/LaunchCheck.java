package nl.werkproces.lti.launch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import nl.werkproces.lti.registration.Platform;

/**
 * What a launch is checked against: the registration, the login it answers, the tool's own origin, now and the
 * launch settings ({@code lti.launch.*}).
 */
record LaunchCheck(Platform platform, LoginState login, URI toolBaseUrl, Instant now, LaunchProperties settings) {

	Duration leeway() {
		return this.settings.clockLeeway();
	}

	Duration maxTokenAge() {
		return this.settings.effectiveMaxTokenAge();
	}

	Duration maxTokenLifetime() {
		return this.settings.maxTokenLifetime();
	}

}
