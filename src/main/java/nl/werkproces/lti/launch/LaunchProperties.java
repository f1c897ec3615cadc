package nl.werkproces.lti.launch;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Launch settings.
 *
 * @param clockLeeway allowed clock difference when checking {@code exp} and {@code iat}
 * @param loginTimeout how long a login (state and nonce) may take from initiation to launch
 * @param sessionLifetime how long a launch session stays valid
 * @param maxFormSize largest accepted launch form
 * @param maxTokenAge oldest accepted {@code iat} of an id_token; empty: the login timeout (a token cannot be older
 * than the login it answers)
 * @param maxTokenLifetime longest accepted {@code exp - iat} of an id_token (Moodle: 60 s, Canvas: 1 h)
 * @param maxHintLength longest accepted {@code login_hint} and {@code lti_message_hint}, in bytes once URL-encoded
 * (both travel in the redirect URL to the platform, which must stay well below the 8 KB header limits)
 * @param loginsPerAddress most login initiations one client address may start per {@code loginRateWindow}
 * @param loginRateWindow the window of {@code loginsPerAddress}
 * @param maxPendingLogins most logins (state and nonce) stored at once, for all addresses together
 * @param linkTokenLifetime how long a link token (the launch session in a URL, only when the browser's cookie does
 * not carry it: {@link LaunchLinkTokens}) stays valid; every page issues fresh ones
 */
@Validated
@ConfigurationProperties("lti.launch")
public record LaunchProperties(@NotNull @DefaultValue("60s") Duration clockLeeway,
		@NotNull @DefaultValue("10m") Duration loginTimeout, @NotNull @DefaultValue("8h") Duration sessionLifetime,
		@NotNull @DefaultValue("64KB") DataSize maxFormSize, Duration maxTokenAge,
		@NotNull @DefaultValue("1h") Duration maxTokenLifetime, @Min(64) @DefaultValue("2048") int maxHintLength,
		@Min(1) @DefaultValue("1200") int loginsPerAddress, @NotNull @DefaultValue("1m") Duration loginRateWindow,
		@Min(1) @DefaultValue("20000") int maxPendingLogins, @NotNull @DefaultValue("1h") Duration linkTokenLifetime) {

	/** {@code maxTokenAge}, or the login timeout when it is not set. */
	Duration effectiveMaxTokenAge() {
		return (this.maxTokenAge != null) ? this.maxTokenAge : this.loginTimeout;
	}

}
