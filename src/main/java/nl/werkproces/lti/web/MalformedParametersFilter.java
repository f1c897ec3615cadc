package nl.werkproces.lti.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a request whose query string or url-encoded form the server cannot decode (a broken {@code %} escape, an
 * empty name, bytes that are not in the form's charset) with a 400 page, before anything reads a parameter: Tomcat
 * then throws on every parameter lookup, in Spring Security's filters as in controllers, which ended in a 500. The
 * same for a multipart body that is not one (no boundary, a part that cannot be read, a NUL in a file name), except
 * where the multipart handling explains it: a hand-in under {@code /app} (the student's page) and an upload beyond
 * {@code spring.servlet.multipart.*} (413). Runs before the other filters; logs one line.
 */
class MalformedParametersFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedParametersFilter.class);

	private final MessageSource messages;

	MalformedParametersFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isUpload(request)) {
			// the body is the hand-in's to parse first (UploadLimitFilter); the query string must be readable
			if (!isReadable(request.getQueryString())) {
				log.warn("Request refused [PARAMETER_MALFORMED]: {} {}", request.getMethod(), ClientErrorLog.path(request));
				refuse(request, response);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		try {
			request.getParameterMap();
		}
		catch (RuntimeException ex) {
			// Tomcat's InvalidParameterException (an IllegalStateException), or for a NUL in a file name its
			// InvalidFileNameException
			if (isSizeLimit(ex)) {
				// beyond server.tomcat.max-http-form-post-size or spring.servlet.multipart.*: the 413 of the handlers
				chain.doFilter(request, response);
				return;
			}
			String reason = isMultipartBody(ex) ? "UPLOAD_MALFORMED" : "PARAMETER_MALFORMED";
			log.warn("Request refused [{}]: {} {}", reason, request.getMethod(), ClientErrorLog.path(request));
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** A multipart body that could not be parsed (rather than the query string). */
	private static boolean isMultipartBody(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSizeLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if ((message.contains("exceed") || message.contains("too big")) && !message.contains("header section")) {
				return true;
			}
		}
		return false;
	}

	/** A multipart POST under {@code /app}, whose failure the hand-in page explains. */
	private static boolean isUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String contentType = request.getContentType();
		return "POST".equals(request.getMethod()) && path.startsWith("/app/") && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** Whether every name and value of the query string decodes (valid escapes, UTF-8, no empty name). */
	static boolean isReadable(String query) {
		if (query == null) {
			return true;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			if (name.isEmpty() || !decodes(name) || (equals >= 0 && !decodes(pair.substring(equals + 1)))) {
				return false;
			}
		}
		return true;
	}

	private static boolean decodes(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
						|| Character.digit(text.charAt(i + 2), 16) < 0) {
					return false;
				}
				bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The error page's text, written here: the error page itself would read the parameters again. */
	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : new Locale("nl");
		String title = this.messages.getMessage("error.title", null, locale);
		String text = this.messages.getMessage("error.400.parameters", null, locale);
		String code = this.messages.getMessage("error.code", null, locale);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		String page = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
				+ "/css/app.css\"></head>\n<body><main class=\"page\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
				+ HtmlUtils.htmlEscape(text) + "</p><p class=\"muted\">" + HtmlUtils.htmlEscape(code)
				+ ": <code>400</code></p></main></body></html>\n";
		response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
	}

}
