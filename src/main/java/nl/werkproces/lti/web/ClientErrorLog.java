package nl.werkproces.lti.web;

import java.io.IOException;
import java.util.Collection;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Logs a request that Spring MVC refuses as the client's fault (wrong method or content type, missing or
 * mistyped parameter, unreadable body, unknown path, a controller's 4xx {@code ResponseStatusException}) as one WARN
 * line with a reason code, the method and the path (see {@link #path}): no stack trace, no parameter values, so that
 * anyone sending bad requests cannot fill the log. Resolves nothing: the status still comes from Spring's resolvers
 * (whose own logging {@link WebConfiguration} switches off) or the feature's handler, except for a file sent where a
 * form field belongs, which Spring would answer with 500 and which is a 400 here. Multipart failures are logged where
 * they are handled; a server error that Spring's resolver answers is logged at ERROR.
 */
@Component
public class ClientErrorLog implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ClientErrorLog.class);

	private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{0,30}");

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex instanceof ConversionNotSupportedException conversion && !isUpload(conversion.getValue())) {
			// a real server error, which Spring's resolver (now silent) answers with 500
			log.error("Request failed: {} {}", request.getMethod(), path(request), ex);
			return null;
		}
		String reason = reason(ex);
		if (reason != null) {
			log.warn("Request refused [{}]: {} {}", reason, request.getMethod(), path(request));
		}
		if (ex instanceof ConversionNotSupportedException) {
			// a file sent where a form field belongs: the client's mistake, not a 500
			try {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			}
			catch (IOException sendFailed) {
				return null;
			}
			return new ModelAndView();
		}
		return null;
	}

	private static boolean isUpload(Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().anyMatch(ClientErrorLog::isUpload);
		}
		return value instanceof MultipartFile || value instanceof Part
				|| (value != null && value.getClass().isArray() && value.getClass().getComponentType() != null
						&& MultipartFile.class.isAssignableFrom(value.getClass().getComponentType()));
	}

	/**
	 * The path for a log line without what the client put in it: the mapping's pattern
	 * ({@code /app/teacher/students/{userId}}) when a handler was found, else the first two segments when they are
	 * plain words ({@code /lti/launch}), else the first.
	 */
	public static String path(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
				&& !pattern.equals("/**")) {
			return pattern;
		}
		String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/", -1);
		StringBuilder path = new StringBuilder();
		for (int i = 1; i < segments.length && i <= 2; i++) {
			if (!WORD.matcher(segments[i]).matches()) {
				return path.append("/…").toString();
			}
			path.append('/').append(segments[i]);
		}
		return (segments.length > 3) ? path.append("/…").toString() : path.toString();
	}

	/** The reason code of a client error, or {@code null} for anything else. */
	static String reason(Exception ex) {
		if (ex instanceof MultipartException) {
			return null;
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return "METHOD_NOT_ALLOWED";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "MEDIA_TYPE_UNSUPPORTED";
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return "NOT_ACCEPTABLE";
		}
		if (ex instanceof MissingServletRequestParameterException || ex instanceof MissingServletRequestPartException) {
			return "PARAMETER_MISSING";
		}
		if (ex instanceof TypeMismatchException) {
			return "PARAMETER_MALFORMED";
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return "BODY_UNREADABLE";
		}
		if (ex instanceof BindException || ex instanceof HandlerMethodValidationException) {
			return "VALIDATION_FAILED";
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return "NOT_FOUND";
		}
		if (ex instanceof ServletRequestBindingException) {
			return "BINDING_FAILED";
		}
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			return "HTTP_" + error.getStatusCode().value();
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
