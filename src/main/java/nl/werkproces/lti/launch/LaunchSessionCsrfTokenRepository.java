package nl.werkproces.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens that work inside an iframe without cookies: for a request with a launch session, the token stored
 * with that session; otherwise the HTTP session's token (admin pages, demo platform).
 */
public class LaunchSessionCsrfTokenRepository implements CsrfTokenRepository {

	private static final String HEADER = "X-CSRF-TOKEN";

	private static final String PARAMETER = "_csrf";

	private final HttpSessionCsrfTokenRepository fallback = new HttpSessionCsrfTokenRepository();

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		LaunchAuthentication launch = launch();
		return (launch != null) ? new DefaultCsrfToken(HEADER, PARAMETER, launch.getPrincipal().csrfToken())
				: this.fallback.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (launch() == null) {
			this.fallback.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		LaunchAuthentication launch = launch();
		return (launch != null) ? new DefaultCsrfToken(HEADER, PARAMETER, launch.getPrincipal().csrfToken())
				: this.fallback.loadToken(request);
	}

	private static LaunchAuthentication launch() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof LaunchAuthentication launch) ? launch : null;
	}

}
