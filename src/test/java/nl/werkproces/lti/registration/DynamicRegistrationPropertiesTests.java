package nl.werkproces.lti.registration;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** An allow-list entry that could never match safely stops start-up instead of being ignored. */
class DynamicRegistrationPropertiesTests {

	@Test
	void allowListTakesHttpsIssuersAndLoopback() {
		assertThat(properties("https://moodle.school.nl", "https://moodle.school.nl/moodle", "http://127.0.0.1:8800")
			.allowedIssuers()).hasSize(3);
	}

	@Test
	void allowListRefusesHttpBeyondLoopbackAndUserInfo() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("http://moodle.school.nl"))
			.withMessageContaining("allowed-issuers");
		assertThatIllegalArgumentException().isThrownBy(() -> properties("https://moodle.school.nl@evil.example"));
		assertThatIllegalArgumentException().isThrownBy(() -> properties("moodle.school.nl"));
	}

	private static DynamicRegistrationProperties properties(String... issuers) {
		return new DynamicRegistrationProperties(List.of(issuers), Duration.ofDays(7), Duration.ofSeconds(10),
				"Werkproces-LTI");
	}

}
