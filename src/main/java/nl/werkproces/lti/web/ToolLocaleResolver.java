package nl.werkproces.lti.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.launch.SupportedLocales;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Dutch first, English when asked: the language chosen for this request (the launch session's
 * {@code launch_presentation.locale}, or the rejected launch's), else the browser's {@code Accept-Language}
 * (Dutch unless it prefers English), else Dutch.
 */
public class ToolLocaleResolver implements LocaleResolver {

	/** Request attribute holding the {@link Locale} chosen for this request. */
	public static final String ATTRIBUTE = ToolLocaleResolver.class.getName() + ".locale";

	/** The {@code lang} parameter; none when the request's parameters cannot be read. */
	private static String lang(HttpServletRequest request) {
		try {
			return request.getParameter("lang");
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Locale locale) {
			return locale;
		}
		String lang = "GET".equals(request.getMethod()) ? lang(request) : null;
		if (lang != null) {
			return SupportedLocales.of(lang);
		}
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return SupportedLocales.DUTCH;
		}
		return SupportedLocales.of(request.getLocale());
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.setAttribute(ATTRIBUTE, SupportedLocales.of(locale));
	}

}
