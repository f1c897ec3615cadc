package nl.werkproces.lti.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.audit.AuditLog;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks admin passwords, refusing attempts while {@link LoginAttempts} has the sign-in locked, and records every
 * wrong password in the audit log: the client address (as the trusted proxies report it), the user name only when
 * such an admin exists (a user name field sometimes holds a password), the sign-in channel and the lock it led to.
 * Never the password.
 */
class RateLimitedAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(RateLimitedAuthenticationProvider.class);

	static final String AUDIT_ACTION = "admin.sign-in.failed";

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	private final AdminUsers users;

	private final AuditLog audit;

	private final String channel;

	/**
	 * @param channel how the password came in ({@code form} or {@code basic}), for the audit log
	 */
	RateLimitedAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts, AdminUsers users,
			AuditLog audit, String channel) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.users = users;
		this.audit = audit;
		this.channel = channel;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		if (this.attempts.lock(username, address).isPresent()) {
			throw new LockedException("too many failed sign-ins");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.attempts.succeeded(username, address);
			return result;
		}
		catch (BadCredentialsException ex) {
			Optional<LoginAttempts.Lock> lock = this.attempts.failed(username, address);
			record(username, address, lock);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void record(String username, String address, Optional<LoginAttempts.Lock> lock) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("channel", this.channel);
		details.put("reason", "bad-credentials");
		lock.ifPresent((l) -> details.put("lock", l.name()));
		if (lock.orElse(null) == LoginAttempts.Lock.ACCOUNT) {
			details.put("wait", this.attempts.accountWait(username).toString());
		}
		try {
			String target = (username != null && this.users.exists(username)) ? "admin " + username
					: "unknown admin user";
			this.audit.record(address, AUDIT_ACTION, target, null, details);
		}
		catch (DataAccessException ex) {
			log.warn("Failed admin sign-in not audited [reason=audit-unavailable, channel={}]", this.channel);
		}
		lock.ifPresent((l) -> log.warn("Admin sign-in locked [reason=too-many-failures, lock={}, channel={}]", l,
				this.channel));
	}

}
