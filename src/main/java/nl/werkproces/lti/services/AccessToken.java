package nl.werkproces.lti.services;

import java.time.Instant;
import java.util.Set;

/** An OAuth 2 access token of a platform for a set of scopes. {@link #toString()} never shows the value. */
public record AccessToken(String value, Set<String> scopes, Instant expiresAt) {

	public AccessToken {
		scopes = Set.copyOf(scopes);
	}

	boolean usableAt(Instant instant) {
		return this.expiresAt.isAfter(instant);
	}

	@Override
	public String toString() {
		return "AccessToken[scopes=" + this.scopes + ", expiresAt=" + this.expiresAt + "]";
	}

}
