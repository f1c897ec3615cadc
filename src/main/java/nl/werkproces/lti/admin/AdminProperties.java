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
 * @param maxFailedLogins failed sign-ins per user name and address before the sign-in is locked
 * @param lockout how long a locked sign-in stays locked (and the window failures are counted in)
 */
@Validated
@ConfigurationProperties("lti.admin")
public record AdminProperties(String username, String password, @Min(1) @DefaultValue("5") int maxFailedLogins,
		@NotNull @DefaultValue("15m") Duration lockout) {

	boolean hasBootstrapAdmin() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isBlank();
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + this.username + ", password=***]";
	}

}
