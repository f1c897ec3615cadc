package nl.werkproces.lti.launch;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.web.BrowserCookies;
import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.web.ToolLocaleResolver;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry a launch session: the {@code lsid} parameter or {@code X-LTI-Session} header
 * (inside iframes without third-party cookies) or the {@code lti_session} cookie. Sets the page language to the
 * launch's locale.
 */
public class LaunchSessionFilter extends OncePerRequestFilter {

	private final LaunchSessions sessions;

	private final FrameAncestorsFilter policies;

	public LaunchSessionFilter(LaunchSessions sessions, FrameAncestorsFilter policies) {
		this.sessions = sessions;
		this.policies = policies;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/app");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String sessionId = request.getParameter(LaunchSessionCookie.PARAMETER);
		if (sessionId == null) {
			sessionId = request.getHeader(LaunchSessionCookie.HEADER);
		}
		if (sessionId == null) {
			sessionId = BrowserCookies.get(request, LaunchSessionCookie.NAME).orElse(null);
		}
		if (sessionId != null) {
			String id = sessionId;
			this.sessions.find(id).ifPresent((session) -> {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new LaunchAuthentication(session, id));
				SecurityContextHolder.setContext(context);
				request.setAttribute(ToolLocaleResolver.ATTRIBUTE, session.locale());
				this.policies.allowOnlyPlatform(response, session.platformId());
			});
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
