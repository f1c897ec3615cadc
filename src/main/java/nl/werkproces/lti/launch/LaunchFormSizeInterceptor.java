package nl.werkproces.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses login and launch forms larger than {@code lti.launch.max-form-size} before their parameters are
 * read (a real launch form is a few kilobytes).
 */
class LaunchFormSizeInterceptor implements HandlerInterceptor {

	private final long maxBytes;

	LaunchFormSizeInterceptor(LaunchProperties properties) {
		this.maxBytes = properties.maxFormSize().toBytes();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			throw new LaunchException(LaunchFailure.FORM_TOO_LARGE,
					"form of " + length + " bytes, limit " + this.maxBytes);
		}
		return true;
	}

}
