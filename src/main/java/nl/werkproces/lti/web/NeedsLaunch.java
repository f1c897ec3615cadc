package nl.werkproces.lti.web;

import jakarta.servlet.http.HttpServletRequest;

/** The addresses that exist only inside a launch ({@code /app} and below): without one they are 401, others 404. */
final class NeedsLaunch {

	private NeedsLaunch() {
	}

	static boolean matches(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/app") || path.startsWith("/app/");
	}

}
