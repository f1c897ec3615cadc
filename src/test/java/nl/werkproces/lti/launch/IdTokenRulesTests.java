package nl.werkproces.lti.launch;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a {@code target_link_uri} points at this tool: same scheme, host and port; any path. */
class IdTokenRulesTests {

	private static final URI tool = URI.create("https://werkproces.example.nl");

	@Test
	void uriOnTheToolsOriginPointsAtTool() {
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl/lti/launch", tool)).isTrue();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl/", tool)).isTrue();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl", tool)).isTrue();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl/app?werkproces=B1-K1-W1#top", tool))
			.isTrue();
	}

	@Test
	void schemeAndHostCompareWithoutCase() {
		assertThat(IdTokenRules.pointsAtTool("HTTPS://WerkProces.Example.NL/lti/launch", tool)).isTrue();
	}

	@Test
	void defaultPortMayBeWrittenOut() {
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl:443/lti/launch", tool)).isTrue();
		assertThat(IdTokenRules.pointsAtTool("http://localhost/lti/launch", URI.create("http://localhost:80")))
			.isTrue();
	}

	@Test
	void toolBaseUrlWithPathComparesTheOriginOnly() {
		URI behindPath = URI.create("https://school.example.nl/werkproces");
		assertThat(IdTokenRules.pointsAtTool("https://school.example.nl/werkproces/lti/launch", behindPath)).isTrue();
	}

	@Test
	void anotherHostDoesNotPointAtTool() {
		assertThat(IdTokenRules.pointsAtTool("https://evil.example.com/lti/launch", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl.evil.com/lti/launch", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl@evil.com/lti/launch", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("https://evil.com/?next=https://werkproces.example.nl/", tool)).isFalse();
	}

	@Test
	void anotherSchemeOrPortDoesNotPointAtTool() {
		assertThat(IdTokenRules.pointsAtTool("http://werkproces.example.nl/lti/launch", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl:8443/lti/launch", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("http://localhost:8081/lti/launch", URI.create("http://localhost:8080")))
			.isFalse();
	}

	@Test
	void missingRelativeOrMalformedUriDoesNotPointAtTool() {
		assertThat(IdTokenRules.pointsAtTool(null, tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("/lti/launch", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("packback.co", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("https://werkproces.example.nl/a b", tool)).isFalse();
		assertThat(IdTokenRules.pointsAtTool("https:///lti/launch", tool)).isFalse();
	}

}
