package nl.werkproces.lti.submission;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.launch.LaunchAuthentication;
import nl.werkproces.lti.submission.HandInRefusal.Reason;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload beyond Spring's multipart limits ({@code spring.servlet.multipart.*}) is refused while the request is
 * parsed, before any controller: a student's hand-in gets the assignment page with the limits (413), anything else
 * the error page with 413 instead of a 500.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final StudentPage page;

	private final SubmissionProperties limits;

	UploadLimitAdvice(StudentPage page, SubmissionProperties limits) {
		this.page = page;
		this.limits = limits;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, Locale locale) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication instanceof LaunchAuthentication launch && path.startsWith("/app/student")
				&& !launch.getPrincipal().isStaff()) {
			HandInRefusal refusal = new HandInRefusal(Reason.UPLOAD_TOO_LARGE,
					Sizes.format(this.limits.maxFileSize().toBytes()), Sizes.format(this.limits.maxTotalSize().toBytes()));
			return this.page.refused(launch.getPrincipal(), launch.sessionId(), locale, refusal, null);
		}
		return new ModelAndView("error", Map.of("status", 413), HttpStatus.PAYLOAD_TOO_LARGE);
	}

}
