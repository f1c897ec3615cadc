package nl.werkproces.lti.launch;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.web.BrowserCookies;
import nl.werkproces.lti.web.ClientErrorLog;
import nl.werkproces.lti.web.FrameAncestorsFilter;
import nl.werkproces.lti.web.ToolErrorAttributes;
import nl.werkproces.lti.web.ToolLocaleResolver;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry a launch session: the {@code lti_session} cookie (the normal case: URLs then
 * carry nothing), the {@code X-LTI-Session} header, or a link token ({@link LaunchLinkTokens}) in the {@code lsid}
 * parameter, the one URL form of a session, for browsers whose cookie does not carry it. The session id itself is
 * never accepted from a URL or form. A token in a form's body (forms carry one also when the cookie works, see
 * {@link LaunchAuthentication#formToken()}) wins over the cookie, so a form acts on the launch it was shown for.
 * A token that expired while the cookie still carries its session is accepted (a teacher who writes feedback for
 * longer than the token's lifetime loses nothing). A refused link token ends the request with 401 (expired,
 * malformed) or 403 (another activity's) and one WARN line with the reason. Sets the page language to the
 * launch's locale.
 */
public class LaunchSessionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LaunchSessionFilter.class);

	private final LaunchSessions sessions;

	private final LaunchLinkTokens tokens;

	private final FrameAncestorsFilter policies;

	public LaunchSessionFilter(LaunchSessions sessions, LaunchLinkTokens tokens, FrameAncestorsFilter policies) {
		this.sessions = sessions;
		this.tokens = tokens;
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
		String cookie = BrowserCookies.get(request, LaunchSessionCookie.NAME).orElse(null);
		String parameter = request.getParameter(LaunchSessionCookie.PARAMETER);
		LaunchSession session = null;
		if (parameter != null && !parameter.isBlank()) {
			LaunchLinkTokens.Check check = LaunchLinkTokens.looksLikeToken(parameter) ? this.tokens.check(parameter)
					: LaunchLinkTokens.Check.refused(LaunchLinkTokens.Refusal.LINK_TOKEN_INVALID);
			boolean expiredButCookieCarriesIt = check.refusal() == LaunchLinkTokens.Refusal.LINK_TOKEN_EXPIRED
					&& check.session() != null && carries(cookie, check.session());
			if (check.refusal() != null && !expiredButCookieCarriesIt) {
				refuse(request, response, check.refusal());
				return;
			}
			session = check.session();
		}
		else {
			String header = request.getHeader(LaunchSessionCookie.HEADER);
			String sessionId = (header != null) ? header : cookie;
			if (sessionId != null) {
				session = this.sessions.find(sessionId).orElse(null);
			}
		}
		if (session != null) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					new LaunchAuthentication(session, this.tokens.issue(session), carries(cookie, session)));
			SecurityContextHolder.setContext(context);
			request.setAttribute(ToolLocaleResolver.ATTRIBUTE, session.locale());
			this.policies.allowOnlyPlatform(response, session.platformId());
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static boolean carries(String cookie, LaunchSession session) {
		return cookie != null && SecureTokens.same(SecureTokens.sha256(cookie), session.idHash());
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response,
			LaunchLinkTokens.Refusal refusal) throws IOException {
		log.warn("Request refused [{}]: {} {}", refusal.name(), request.getMethod(), ClientErrorLog.path(request));
		request.setAttribute(ToolErrorAttributes.MESSAGE_KEY, refusal.messageKey());
		response.sendError(refusal.status().value());
	}

}
