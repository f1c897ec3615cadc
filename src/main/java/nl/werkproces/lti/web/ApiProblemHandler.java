package nl.werkproces.lti.web;

import java.util.Locale;

import nl.werkproces.lti.dossier.DossierFormatException;
import nl.werkproces.lti.dossier.DossierNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where JSON APIs ({@code @RestController}s) turn errors into RFC 9457 problem details
 * ({@code application/problem+json}): Spring MVC's own exceptions (bad ids, missing parameters or parts, too large
 * uploads) through {@link ResponseEntityExceptionHandler}, and the tool's exceptions with a {@code reason} property.
 * Pages keep their HTML error page.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail notFound(DossierNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setProperty("reason", ex.reason().name());
		return problem;
	}

	/**
	 * A file that is not a readable dossier: 422 (413 when it is too large), with the Dutch message for Dutch clients
	 * and the place in the source ({@code path}) when the refusal names one.
	 */
	@ExceptionHandler
	ProblemDetail notADossier(DossierFormatException ex, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		boolean tooLarge = ex.reason() == DossierFormatException.Reason.TOO_LARGE;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT,
				english ? ex.getMessage() : ex.dutchMessage());
		problem.setTitle(tooLarge ? "Dossier file too large" : "Not a kwalificatiedossier");
		problem.setProperty("reason", ex.reason().name());
		if (ex.path() != null) {
			problem.setProperty("path", ex.path());
		}
		return problem;
	}

}
