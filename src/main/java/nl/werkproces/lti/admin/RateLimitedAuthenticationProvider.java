package nl.werkproces.lti.admin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks admin passwords, refusing further attempts while {@link LoginAttempts} has the sign-in locked. */
class RateLimitedAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	RateLimitedAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
		this.passwords = passwords;
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		if (this.attempts.isLocked(username, address)) {
			throw new LockedException("too many failed sign-ins");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.attempts.succeeded(username, address);
			return result;
		}
		catch (AuthenticationException ex) {
			this.attempts.failed(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
