package nl.werkproces.lti.launch;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a launch session. Authorities: {@code ROLE_LEARNER}, {@code ROLE_INSTRUCTOR},
 * {@code ROLE_ADMINISTRATOR} as the launch's roles map, plus {@code ROLE_LTI_LAUNCH} for every launch.
 */
public class LaunchAuthentication extends AbstractAuthenticationToken {

	private final LaunchSession session;

	private final transient String linkToken;

	/** {@code linkToken}: {@code null} when the browser's cookie carries the session. */
	LaunchAuthentication(LaunchSession session, String linkToken) {
		super(authorities(session));
		this.session = session;
		this.linkToken = linkToken;
		setAuthenticated(true);
	}

	private static List<SimpleGrantedAuthority> authorities(LaunchSession session) {
		var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority("ROLE_LTI_LAUNCH"));
		session.roles().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		return authorities;
	}

	@Override
	public LaunchSession getPrincipal() {
		return this.session;
	}

	/** Not exposed: the session id is a bearer secret. */
	@Override
	public Object getCredentials() {
		return null;
	}

	/**
	 * A fresh link token ({@link LaunchLinkTokens}) to carry in links, forms and redirects when the browser's cookie
	 * does not carry the session; {@code null} when it does, and then URLs carry nothing.
	 */
	public String linkToken() {
		return this.linkToken;
	}

	@Override
	public String getName() {
		return this.session.platformId() + ":" + this.session.user().subject();
	}

}
