package nl.werkproces.lti.launch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Wrongly typed claims are a {@code CLAIM_MALFORMED} rejection, never a ClassCastException. */
class IdTokenTests {

	@Test
	void audienceIsAStringOrAnArrayOfStrings() {
		assertThat(token("aud", "client").audience()).containsExactly("client");
		assertThat(token("aud", List.of("client", "other")).audience()).containsExactly("client", "other");
		assertThat(new IdToken(Map.of()).audience()).isEmpty();
	}

	@Test
	void audienceHoldingNullIsMalformed() {
		assertMalformed(() -> token("aud", Arrays.asList("client", null)).audience());
	}

	@Test
	void audienceAsNumberOrObjectIsMalformed() {
		assertMalformed(() -> token("aud", 42).audience());
		assertMalformed(() -> token("aud", Map.of("client", true)).audience());
	}

	@Test
	void rolesThatAreNoArrayOrHoldNullAreMalformed() {
		assertMalformed(() -> token("roles", "Learner").strings("roles"));
		assertMalformed(() -> token("roles", Arrays.asList("Learner", null)).strings("roles"));
		assertMalformed(() -> token("roles", List.of(List.of("Learner"))).strings("roles"));
	}

	@Test
	void subjectOrIssuerOfAnotherTypeIsMalformed() {
		assertMalformed(() -> token("sub", 4).subject());
		assertMalformed(() -> token("iss", List.of("https://moodle.example.nl")).issuer());
	}

	@Test
	void objectClaimOfAnotherTypeIsMalformed() {
		assertMalformed(() -> token("context", "course").object("context"));
	}

	private static IdToken token(String claim, Object value) {
		Map<String, Object> claims = new HashMap<>();
		claims.put(claim, value);
		return new IdToken(claims);
	}

	private static void assertMalformed(Runnable access) {
		LaunchException rejected = catchThrowableOfType(LaunchException.class, access::run);
		assertThat(rejected).as("rejected").isNotNull();
		assertThat(rejected.failure()).isEqualTo(LaunchFailure.CLAIM_MALFORMED);
	}

}
