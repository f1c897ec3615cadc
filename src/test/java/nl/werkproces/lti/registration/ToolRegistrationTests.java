package nl.werkproces.lti.registration;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The client name the tool registers under names its host, so two instances differ in the platform's tool list. */
class ToolRegistrationTests {

	@Test
	void clientNameCarriesTheHost() {
		assertThat(ToolRegistration.clientName("Werkproces", URI.create("https://lti.school.nl")))
			.isEqualTo("Werkproces (lti.school.nl)");
		assertThat(ToolRegistration.of("https://test-lti.school.nl", "Werkproces").get("client_name"))
			.isEqualTo("Werkproces (test-lti.school.nl)");
	}

	@Test
	void clientNameCarriesAPortThatIsNotTheDefault() {
		assertThat(ToolRegistration.clientName("Werkproces", URI.create("https://localhost:8443")))
			.isEqualTo("Werkproces (localhost:8443)");
	}

	@Test
	void aNameThatNamesTheHostAlreadyIsLeftAsItIs() {
		assertThat(ToolRegistration.clientName("Werkproces lti.school.nl", URI.create("https://lti.school.nl")))
			.isEqualTo("Werkproces lti.school.nl");
	}

}
