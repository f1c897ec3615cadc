package nl.werkproces.lti.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Cookies that must work inside a platform's iframe: over https, and over plain http on {@code localhost} or a
 * loopback address (which browsers treat as a secure context), {@code SameSite=None; Secure; Partitioned} (CHIPS);
 * over plain http on any other host {@code SameSite=Lax}, which no cross-site launch carries. Always
 * {@code HttpOnly}.
 */
public final class BrowserCookies {

	private BrowserCookies() {
	}

	public static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
			Duration maxAge) {
		boolean secure = crossSiteCapable(request);
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite(secure ? "None" : "Lax")
			.partitioned(secure)
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/**
	 * Whether this request's cookies can be {@code SameSite=None; Secure}, so that they come back on a cross-site
	 * launch: over https, or on {@code localhost} or a loopback address even over plain http.
	 */
	public static boolean crossSiteCapable(HttpServletRequest request) {
		return request.isSecure() || loopback(request.getServerName());
	}

	static boolean loopback(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(java.util.Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
				|| name.equals("[::1]") || name.equals("::1");
	}

	public static Optional<String> get(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

}
