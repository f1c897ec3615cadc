package nl.werkproces.lti.admin;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tool admin sign-in.
 *
 * @param username bootstrap admin created or updated at start-up ({@code LTI_ADMIN_USERNAME}); none when empty
 * @param password its password ({@code LTI_ADMIN_PASSWORD}), stored only as a BCrypt hash
 * @param maxFailedLogins failed sign-ins per user name and address before that user name is locked for that
 * address
 * @param lockout how long a locked sign-in stays locked (and the window failures are counted in); an account's
 * failures are forgotten after this long without a failure
 * @param maxFailedLoginsPerAddress failed sign-ins from one address, whatever the user name, before that address is
 * locked
 * @param accountDelayAfter failed sign-ins of one user name, whatever the address, after which each further attempt
 * has to wait
 * @param accountInitialDelay the wait after {@code accountDelayAfter} failures; it doubles with every further failure
 * @param accountMaxDelay the longest wait, so that an attacker can slow the admin down but never lock them out
 */
@Validated
@ConfigurationProperties("lti.admin")
public record AdminProperties(String username, String password, @Min(1) @DefaultValue("5") int maxFailedLogins,
		@NotNull @DefaultValue("15m") Duration lockout, @Min(1) @DefaultValue("20") int maxFailedLoginsPerAddress,
		@Min(1) @DefaultValue("5") int accountDelayAfter, @NotNull @DefaultValue("1s") Duration accountInitialDelay,
		@NotNull @DefaultValue("5m") Duration accountMaxDelay) {

	boolean hasBootstrapAdmin() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isBlank();
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + this.username + ", password=***]";
	}

}
