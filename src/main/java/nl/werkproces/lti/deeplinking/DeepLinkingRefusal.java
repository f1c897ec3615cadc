package nl.werkproces.lti.deeplinking;

import org.springframework.http.HttpStatus;

/**
 * A Deep Linking request the tool will not answer, with a reason code. The answer is an auto-submitted form, so
 * its target must be the platform's own return URL.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-settings">Deep Linking 2.0 §4.4.1</a>
 */
class DeepLinkingRefusal extends RuntimeException {

	private final Reason reason;

	DeepLinkingRefusal(Reason reason, String detail) {
		super(reason.name() + ": " + detail, null, false, false);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	/** Why the tool refused to answer. */
	enum Reason {

		/** {@code deep_link_return_url} is not an https URL (http on loopback) on the platform's own host. */
		RETURN_URL_NOT_ALLOWED(HttpStatus.BAD_REQUEST);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		HttpStatus status() {
			return this.status;
		}

	}

}
