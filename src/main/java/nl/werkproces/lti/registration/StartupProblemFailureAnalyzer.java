package nl.werkproces.lti.registration;

import nl.werkproces.lti.keys.KeyStoreException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains a start-up stopped by the platforms file or the tool's keys in one paragraph, without a stack trace.
 */
class StartupProblemFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PlatformsFileException) {
				return new FailureAnalysis(cause.getMessage(),
						"Correct the platforms file (see lti-config/platforms.example.yaml) or unset LTI_PLATFORMS_FILE.",
						null);
			}
			if (cause instanceof KeyStoreException) {
				return new FailureAnalysis(cause.getMessage(),
						"Set LTI_KEYS_ENCRYPTION_SECRET to the secret the keys were encrypted with.", null);
			}
		}
		return null;
	}

}
