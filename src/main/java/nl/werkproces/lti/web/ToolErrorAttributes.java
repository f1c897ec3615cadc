package nl.werkproces.lti.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes plus {@code messageKey}: the message a filter chose for its refusal (set as the
 * request attribute {@link #MESSAGE_KEY} before {@code sendError}), so the error page says precisely why, in the
 * page's language.
 */
@Component
public class ToolErrorAttributes extends DefaultErrorAttributes {

	/** Request attribute: the messages-bundle key the error page shows instead of its status's generic text. */
	public static final String MESSAGE_KEY = ToolErrorAttributes.class.getName() + ".MESSAGE_KEY";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object key = request.getAttribute(MESSAGE_KEY, RequestAttributes.SCOPE_REQUEST);
		if (key instanceof String messageKey) {
			attributes.put("messageKey", messageKey);
		}
		String back = sameSiteReferer(request);
		if (back != null) {
			attributes.put("backUrl", back);
		}
		return attributes;
	}

	/**
	 * The path and query of the page the person came from, when it was one of this tool's pages (so the error page
	 * can offer a way back), else {@code null}.
	 */
	static String sameSiteReferer(WebRequest request) {
		String referer = request.getHeader("Referer");
		String host = request.getHeader("Host");
		if (referer == null || host == null) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			if (!host.equalsIgnoreCase(uri.getRawAuthority()) || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return null;
			}
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
