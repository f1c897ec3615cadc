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

import nl.werkproces.lti.submission.HandInRefusal.Reason;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a multipart request that the server could not parse reach the application with the reason, so the student
 * gets the assignment page with a precise refusal instead of a bare error: an upload beyond
 * {@code spring.servlet.multipart.*} (413), a file name with a NUL (Tomcat refuses it as an invalid file name), a
 * part header beyond {@code server.tomcat.max-part-header-size} (in practice a very long file name), a body that is
 * no multipart at all. Tomcat throws on every parameter lookup of such a request, so its form fields (the CSRF
 * token, which travels in the body, never in the URL) cannot be read: Spring Security does not ask for a CSRF
 * token on such a request (it can only end in the refusal page, nothing is stored), and the launch session comes
 * from the cookie or, without one, from the link token in the form's action. Runs before Spring Security: parses a
 * multipart request under {@code /app} once and, when that fails, passes on a request whose parameters come from
 * the query string only, whose parts report the failure, and whose attribute {@link #REFUSAL} names the
 * {@link Reason}.
 */
public class UploadLimitFilter extends OncePerRequestFilter {

	/** Request attribute: the {@link Reason} a multipart request could not be parsed for. */
	public static final String REFUSAL = UploadLimitFilter.class.getName() + ".REFUSAL";

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
			Reason reason = reason(ex);
			request.setAttribute(REFUSAL, reason);
			chain.doFilter(new RefusedRequest(request, reason, ex), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Why the server could not parse the parts. */
	static Reason reason(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (cause.getClass().getSimpleName().equals("InvalidFileNameException")) {
				return Reason.FILE_NAME_INVALID;
			}
			if (message.contains("header section has more than")) {
				return Reason.FILE_NAME_TOO_LONG;
			}
			if (message.contains("exceed")) {
				return Reason.UPLOAD_TOO_LARGE;
			}
		}
		return Reason.UPLOAD_MALFORMED;
	}

	/**
	 * A refused multipart request: parameters from the query string, parts fail with a message that Spring turns into
	 * a {@link org.springframework.web.multipart.MaxUploadSizeExceededException} for a size limit, into a
	 * {@link org.springframework.web.multipart.MultipartException} otherwise.
	 */
	private static final class RefusedRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		private final String failure;

		RefusedRequest(HttpServletRequest request, Reason reason, Exception failure) {
			super(request);
			this.parameters = Collections.unmodifiableMap(query(request.getQueryString()));
			this.failure = (reason == Reason.UPLOAD_TOO_LARGE) ? "Upload size exceeded: " + failure.getMessage()
					: "Upload refused: " + reason.name();
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
					try {
						String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
						String value = URLDecoder.decode((kv.length > 1) ? kv[1] : "", StandardCharsets.UTF_8);
						values.computeIfAbsent(name, (k) -> new java.util.ArrayList<>()).add(value);
					}
					catch (IllegalArgumentException ex) {
						// a malformed escape: the pair is left out, as the server would
					}
				}
			}
			Map<String, String[]> result = new LinkedHashMap<>();
			values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
			return result;
		}

	}

}
