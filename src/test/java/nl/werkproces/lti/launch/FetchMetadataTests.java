package nl.werkproces.lti.launch;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The login's reading of fetch metadata, of the platform's storage offer and of where cookies can cross sites. */
class FetchMetadataTests {

	@Test
	void onlyAFrameOfAnotherSiteNeedsTheCookieCheck() {
		assertThat(FetchMetadata.crossSiteFrame(request("iframe", "cross-site"))).isTrue();
		assertThat(FetchMetadata.crossSiteFrame(request("frame", "cross-site"))).isTrue();
		assertThat(FetchMetadata.crossSiteFrame(request("iframe", "same-site"))).isFalse();
		assertThat(FetchMetadata.crossSiteFrame(request("document", "cross-site"))).isFalse();
		assertThat(FetchMetadata.crossSiteFrame(request(null, null))).as("no fetch metadata: top-level").isFalse();
	}

	@Test
	void ownPageNeedsTheToolsOriginAndNoCrossSiteMetadata() {
		MockHttpServletRequest own = request(null, "same-origin");
		own.addHeader("Origin", "https://tool.example");
		assertThat(FetchMetadata.fromOwnPage(own, "https://tool.example")).isTrue();
		MockHttpServletRequest forged = request(null, "cross-site");
		forged.addHeader("Origin", "https://tool.example");
		assertThat(FetchMetadata.fromOwnPage(forged, "https://tool.example")).isFalse();
		MockHttpServletRequest other = request(null, null);
		other.addHeader("Origin", "https://attacker.example");
		assertThat(FetchMetadata.fromOwnPage(other, "https://tool.example")).isFalse();
		assertThat(FetchMetadata.fromOwnPage(request(null, null), "https://tool.example")).isFalse();
	}

	@Test
	void missingCookieOverPlainHttpOffLoopbackIsTheMissingTls() {
		MockHttpServletRequest school = request(null, null);
		school.setServerName("tool.school.example");
		assertThat(FetchMetadata.whenNoCookie(school)).isEqualTo(LaunchFailure.CROSS_SITE_WITHOUT_TLS);
		school.setSecure(true);
		assertThat(FetchMetadata.whenNoCookie(school)).isEqualTo(LaunchFailure.STATE_COOKIE_MISSING);
		for (String loopback : new String[] { "localhost", "tool.localhost", "127.0.0.1", "[::1]" }) {
			MockHttpServletRequest laptop = request(null, null);
			laptop.setServerName(loopback);
			assertThat(FetchMetadata.whenNoCookie(laptop)).as(loopback).isEqualTo(LaunchFailure.STATE_COOKIE_MISSING);
		}
	}

	@Test
	void storageTargetIsTakenOnlyAsAPlainFrameName() {
		assertThat(LoginInitiation.from(Map.of("lti_storage_target", "_parent")).storageTarget()).isEqualTo("_parent");
		assertThat(LoginInitiation.from(Map.of("lti_storage_target", "post_message_forwarding")).storageTarget())
			.isEqualTo("post_message_forwarding");
		assertThat(LoginInitiation.from(Map.of("lti_storage_target", "x\"><script>")).storageTarget()).isNull();
		assertThat(LoginInitiation.from(Map.of("lti_storage_target", "a".repeat(65))).storageTarget()).isNull();
		assertThat(LoginInitiation.from(Map.of()).storageTarget()).isNull();
	}

	@Test
	void newWindowStartsTheLoginWithThePlatformsParametersButNoStorageTarget() {
		LoginInitiation login = LoginInitiation.from(Map.of("iss", "https://moodle.example", "login_hint", "4",
				"target_link_uri", "https://tool.example/lti/launch", "lti_message_hint", "{\"launchid\":\"x\"}",
				"client_id", "c", "lti_deployment_id", "7", "lti_storage_target", "_parent"));
		assertThat(login.restartParameters("https://moodle.example", "c")).containsOnly(
				Map.entry("iss", "https://moodle.example"), Map.entry("client_id", "c"), Map.entry("login_hint", "4"),
				Map.entry("target_link_uri", "https://tool.example/lti/launch"),
				Map.entry("lti_message_hint", "{\"launchid\":\"x\"}"), Map.entry("lti_deployment_id", "7"));
	}

	private static MockHttpServletRequest request(String dest, String site) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/lti/login");
		request.setServerName("localhost");
		if (dest != null) {
			request.addHeader("Sec-Fetch-Dest", dest);
		}
		if (site != null) {
			request.addHeader("Sec-Fetch-Site", site);
		}
		return request;
	}

}
