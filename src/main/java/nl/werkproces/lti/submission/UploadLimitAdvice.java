package nl.werkproces.lti.submission;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.launch.LaunchAuthentication;
import nl.werkproces.lti.submission.HandInRefusal.Reason;
import nl.werkproces.lti.web.ClientErrorLog;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place for multipart requests the server could not parse, on any endpoint. Such a request is refused
 * while it is parsed, before any controller: a student's hand-in gets the assignment page with the reason
 * ({@link UploadLimitFilter}: too large 413, invalid or too long file name 400, unreadable 400); an API client
 * ({@code /api/…}, or one that accepts JSON) an RFC 9457 problem detail; anything else the error page, 413 beyond
 * {@code spring.servlet.multipart.*} and 400 for a body that is not the multipart it claims to be (for example
 * {@code multipart/form-data} without boundary or with a url-encoded body). Logs one line.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private static final Logger log = LoggerFactory.getLogger(UploadLimitAdvice.class);

	private final StudentPage page;

	private final SubmissionProperties limits;

	private final MultipartProperties multipart;

	UploadLimitAdvice(StudentPage page, SubmissionProperties limits, MultipartProperties multipart) {
		this.page = page;
		this.limits = limits;
		this.multipart = multipart;
	}

	@ExceptionHandler(MultipartException.class)
	Object unreadable(MultipartException ex, HttpServletRequest request, Locale locale) {
		Reason reason = reason(ex, request);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof LaunchAuthentication launch && path.startsWith("/app/student")
				&& !launch.getPrincipal().isStaff()) {
			return this.page.refused(launch.getPrincipal(), launch.formToken(), locale, refusal(reason), null);
		}
		log.warn("Multipart request refused [{}]: {} {}", reason.name(), request.getMethod(), ClientErrorLog.path(request));
		if (path.startsWith("/api/") || acceptsProblemJson(request)) {
			return problem(reason);
		}
		if (reason == Reason.UPLOAD_TOO_LARGE) {
			return new ModelAndView("error", Map.of("status", 413), HttpStatus.PAYLOAD_TOO_LARGE);
		}
		return new ModelAndView("error", Map.of("status", 400), HttpStatus.BAD_REQUEST);
	}

	private ResponseEntity<ProblemDetail> problem(Reason reason) {
		boolean tooLarge = reason == Reason.UPLOAD_TOO_LARGE;
		HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, tooLarge
				? "The upload is larger than " + Sizes.format(this.multipart.getMaxFileSize().toBytes()) + " per file or "
						+ Sizes.format(this.multipart.getMaxRequestSize().toBytes()) + " in total."
				: "The request body is not the multipart/form-data it claims to be.");
		problem.setTitle(tooLarge ? "Upload too large" : "Malformed upload");
		problem.setProperty("reason", reason.name());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static Reason reason(MultipartException ex, HttpServletRequest request) {
		if (request.getAttribute(UploadLimitFilter.REFUSAL) instanceof Reason reason) {
			return reason;
		}
		return (ex instanceof MaxUploadSizeExceededException) ? Reason.UPLOAD_TOO_LARGE : Reason.UPLOAD_MALFORMED;
	}

	private HandInRefusal refusal(Reason reason) {
		return switch (reason) {
			case UPLOAD_TOO_LARGE -> new HandInRefusal(reason, Sizes.format(this.limits.maxFileSize().toBytes()),
					Sizes.format(this.limits.maxTotalSize().toBytes()));
			case FILE_NAME_TOO_LONG -> new HandInRefusal(reason, FileNames.MAX_ORIGINAL_LENGTH);
			default -> new HandInRefusal(reason);
		};
	}

	private static boolean acceptsProblemJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)
						|| type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
