package nl.werkproces.lti.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A dossier version, werkproces or profiel asked for is not in the catalog. Pages show it as 404; the JSON API as
 * a 404 problem detail naming the {@link Reason}.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DossierNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	DossierNotFoundException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** What was not found. */
	public Reason reason() {
		return this.reason;
	}

	/** What was not found. */
	public enum Reason {

		/** No dossier version with this id. */
		DOSSIER,

		/** The dossier has no werkproces with this code. */
		WERKPROCES,

		/** The dossier has no profiel with this name, or the werkproces belongs to another profiel. */
		PROFIEL

	}

}
