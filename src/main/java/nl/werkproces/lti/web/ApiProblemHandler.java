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

	/** A file that is not a readable dossier: 422, with the Dutch message for Dutch clients. */
	@ExceptionHandler
	ProblemDetail notADossier(DossierFormatException ex, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				english ? ex.getMessage() : ex.dutchMessage());
		problem.setTitle("Not a kwalificatiedossier");
		problem.setProperty("reason", ex.reason().name());
		return problem;
	}

}
