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

	private final boolean fromCookie;

	/**
	 * {@code linkToken}: a fresh link token of the session; {@code fromCookie}: whether the browser's cookie carries
	 * the session (then URLs carry nothing).
	 */
	LaunchAuthentication(LaunchSession session, String linkToken, boolean fromCookie) {
		super(authorities(session));
		this.session = session;
		this.linkToken = linkToken;
		this.fromCookie = fromCookie;
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
		return this.fromCookie ? null : this.linkToken;
	}

	/**
	 * A fresh link token for the hidden {@code lsid} field of forms, also when the cookie carries the session: a
	 * form's body (never logged, never in the history) then names the launch the page was shown for, so a form left
	 * open in one tab acts on its own activity even after another tab launched another one (the cookie names the
	 * latest launch only).
	 */
	public String formToken() {
		return this.linkToken;
	}

	/** Whether the browser's cookie carries this session: links and redirects then carry no token. */
	public boolean fromCookie() {
		return this.fromCookie;
	}

	@Override
	public String getName() {
		return this.session.platformId() + ":" + this.session.user().subject();
	}

}
