package nl.werkproces.lti.submission;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an upload beyond {@code spring.servlet.multipart.*} reach the application as a
 * {@link org.springframework.web.multipart.MaxUploadSizeExceededException}, so the student gets the assignment page
 * with 413. Tomcat throws on every parameter lookup of such a request, so the launch session ({@code lsid}) and
 * CSRF token could not be read and the request ended on a bare error page. Runs before Spring Security: parses a
 * multipart request under {@code /app} once and, when it is too large, passes on a request whose parameters come
 * from the query string only and whose parts report the size failure.
 */
class UploadLimitFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || !path.startsWith("/app/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (RuntimeException | ServletException | IOException ex) {
			if (isSizeLimit(ex)) {
				chain.doFilter(new TooLargeRequest(request, ex), response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isSizeLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("exceed")) {
				return true;
			}
		}
		return false;
	}

	/** A too large multipart request: parameters from the query string, parts fail with the size message. */
	private static final class TooLargeRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		private final String failure;

		TooLargeRequest(HttpServletRequest request, Exception failure) {
			super(request);
			this.parameters = Collections.unmodifiableMap(query(request.getQueryString()));
			this.failure = "Upload size exceeded: " + failure.getMessage();
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

		@Override
		public Collection<Part> getParts() {
			throw new IllegalStateException(this.failure);
		}

		@Override
		public Part getPart(String name) {
			throw new IllegalStateException(this.failure);
		}

		private static Map<String, String[]> query(String query) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			if (query != null) {
				for (String pair : query.split("&")) {
					String[] kv = pair.split("=", 2);
					values.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), (k) -> new java.util.ArrayList<>())
						.add(URLDecoder.decode((kv.length > 1) ? kv[1] : "", StandardCharsets.UTF_8));
				}
			}
			Map<String, String[]> result = new LinkedHashMap<>();
			values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
			return result;
		}

	}

}
