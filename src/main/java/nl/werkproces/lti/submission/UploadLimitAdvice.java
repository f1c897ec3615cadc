package nl.werkproces.lti.submission;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.launch.LaunchAuthentication;
import nl.werkproces.lti.submission.HandInRefusal.Reason;

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
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload beyond Spring's multipart limits ({@code spring.servlet.multipart.*}) is refused while the request is
 * parsed, before any controller: a student's hand-in gets the assignment page with the limits (413), anything else
 * the error page with 413 instead of a 500, and an API client ({@code /api/…}, or one that accepts JSON) an RFC 9457
 * problem detail with 413.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final StudentPage page;

	private final SubmissionProperties limits;

	private final MultipartProperties multipart;

	UploadLimitAdvice(StudentPage page, SubmissionProperties limits, MultipartProperties multipart) {
		this.page = page;
		this.limits = limits;
		this.multipart = multipart;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, Locale locale) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || acceptsProblemJson(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is larger than " + Sizes.format(this.multipart.getMaxFileSize().toBytes())
							+ " per file or " + Sizes.format(this.multipart.getMaxRequestSize().toBytes()) + " in total.");
			problem.setTitle("Upload too large");
			problem.setProperty("reason", "UPLOAD_TOO_LARGE");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		if (authentication instanceof LaunchAuthentication launch && path.startsWith("/app/student")
				&& !launch.getPrincipal().isStaff()) {
			HandInRefusal refusal = new HandInRefusal(Reason.UPLOAD_TOO_LARGE,
					Sizes.format(this.limits.maxFileSize().toBytes()), Sizes.format(this.limits.maxTotalSize().toBytes()));
			return this.page.refused(launch.getPrincipal(), launch.sessionId(), locale, refusal, null);
		}
		return new ModelAndView("error", Map.of("status", 413), HttpStatus.PAYLOAD_TOO_LARGE);
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
