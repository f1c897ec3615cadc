package nl.werkproces.lti.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Cookies that must work inside a platform's iframe: over https {@code SameSite=None; Secure; Partitioned}
 * (CHIPS), over plain http (a laptop run) {@code SameSite=Lax}. Always {@code HttpOnly}.
 */
public final class BrowserCookies {

	private BrowserCookies() {
	}

	public static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
			Duration maxAge) {
		boolean secure = request.isSecure();
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
