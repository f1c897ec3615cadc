package nl.werkproces.lti.registration;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issuer and configuration URL compared as parsed URLs, never as strings. */
class PlatformUrlsTests {

	private static final String CONFIGURATION = "/mod/lti/openid-configuration.php";

	@Test
	void configurationUrlOfTheIssuerItselfBelongsToIt() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl" + CONFIGURATION, "https://moodle.school.nl"))
			.isTrue();
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl/moodle" + CONFIGURATION,
				"https://moodle.school.nl/moodle"))
			.isTrue();
		assertThat(PlatformUrls.isUnder("http://127.0.0.1:8800" + CONFIGURATION, "http://127.0.0.1:8800")).isTrue();
	}

	@Test
	void lookAlikeHostIsNotTheIssuer() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl.attacker.tld" + CONFIGURATION,
				"https://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("https://evil-moodle.school.nl" + CONFIGURATION, "https://moodle.school.nl"))
			.isFalse();
	}

	@Test
	void otherPortIsNotTheIssuer() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl:8443" + CONFIGURATION, "https://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("http://127.0.0.1:45678" + CONFIGURATION, "http://127.0.0.1:4567")).isFalse();
		assertThat(PlatformUrls.isUnder("http://127.0.0.1:8080" + CONFIGURATION, "http://127.0.0.1")).isFalse();
	}

	@Test
	void defaultPortsAreNormalised() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl:443" + CONFIGURATION, "https://moodle.school.nl"))
			.isTrue();
		assertThat(PlatformUrls.isUnder("https://MOODLE.School.nl" + CONFIGURATION, "https://moodle.school.nl:443"))
			.isTrue();
		assertThat(PlatformUrls.isUnder("http://localhost:80" + CONFIGURATION, "http://localhost")).isTrue();
	}

	@Test
	void issuerPathIsAPrefixOnlyAsWholeSegments() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl/moodle2" + CONFIGURATION,
				"https://moodle.school.nl/moodle"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl" + CONFIGURATION, "https://moodle.school.nl/moodle"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl/moodle/../moodle2" + CONFIGURATION,
				"https://moodle.school.nl/moodle"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl/moodle/%2e%2e/moodle2" + CONFIGURATION,
				"https://moodle.school.nl/moodle"))
			.isFalse();
	}

	@Test
	void trailingSlashesDoNotMatter() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl" + CONFIGURATION, "https://moodle.school.nl/"))
			.isTrue();
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl/moodle" + CONFIGURATION,
				"https://moodle.school.nl/moodle/"))
			.isTrue();
		assertThat(PlatformUrls.sameIssuer("https://moodle.school.nl/", "https://moodle.school.nl")).isTrue();
		assertThat(PlatformUrls.sameIssuer("https://moodle.school.nl/moodle/", "https://moodle.school.nl/moodle"))
			.isTrue();
	}

	@Test
	void userInfoIsNeverAccepted() {
		assertThat(PlatformUrls.isUnder("https://moodle.school.nl@evil.example" + CONFIGURATION,
				"https://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("https://user@moodle.school.nl" + CONFIGURATION, "https://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.secure("https://moodle.school.nl@evil/")).isEmpty();
	}

	@Test
	void httpOnlyOnLoopback() {
		assertThat(PlatformUrls.isUnder("http://moodle.school.nl" + CONFIGURATION, "http://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.isUnder("http://moodle.school.nl" + CONFIGURATION, "https://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.secure("http://127.0.0.1:8800/")).isPresent();
		assertThat(PlatformUrls.secure("http://127.1.2.3/")).isPresent();
		assertThat(PlatformUrls.secure("http://[::1]:8080/")).isPresent();
		assertThat(PlatformUrls.secure("http://LOCALHOST:8080/")).isPresent();
		assertThat(PlatformUrls.secure("http://127.0.0.256/")).isEmpty();
		assertThat(PlatformUrls.secure("http://127.0.0.1.nip.io/")).isEmpty();
		assertThat(PlatformUrls.secure("http://localhost.attacker.tld/")).isEmpty();
		assertThat(PlatformUrls.secure("http://10.0.0.1/")).isEmpty();
	}

	@Test
	void otherSchemesAreNotPlatformUrls() {
		assertThat(PlatformUrls.secure("javascript:alert(1)")).isEmpty();
		assertThat(PlatformUrls.secure("data:text/html,<script>alert(1)</script>")).isEmpty();
		assertThat(PlatformUrls.secure("ftp://moodle.school.nl/")).isEmpty();
		assertThat(PlatformUrls.secure("//moodle.school.nl/")).isEmpty();
		assertThat(PlatformUrls.secure("not a url")).isEmpty();
	}

	@Test
	void allowListEntriesAreComparedAsUrls() {
		assertThat(PlatformUrls.sameIssuer("https://moodle.school.nl.attacker.tld", "https://moodle.school.nl"))
			.isFalse();
		assertThat(PlatformUrls.sameIssuer("https://moodle.school.nl/moodle2", "https://moodle.school.nl/moodle"))
			.isFalse();
		assertThat(PlatformUrls.sameIssuer("https://moodle.school.nl:443", "https://MOODLE.school.nl")).isTrue();
		assertThat(PlatformUrls.sameIssuer("http://moodle.school.nl", "http://moodle.school.nl")).isFalse();
	}

	@Test
	void urlOnThePlatformsHost() {
		String issuer = "https://moodle.school.nl";
		assertThat(PlatformUrls.isOnHostOf("https://moodle.school.nl/mod/lti/contentitem_return.php?course=2", issuer))
			.isTrue();
		assertThat(PlatformUrls.isOnHostOf("https://evil.example/return", issuer)).isFalse();
		assertThat(PlatformUrls.isOnHostOf("http://moodle.school.nl/return", issuer)).isFalse();
		assertThat(PlatformUrls.isOnHostOf("https://login.school.nl/return", issuer, "https://login.school.nl/auth"))
			.isTrue();
	}

	@Test
	void originHasNoPathUserInfoOrDefaultPort() {
		assertThat(PlatformUrls.origin(URI.create("https://Moodle.School.nl:443/moodle/x?y#z")))
			.isEqualTo("https://moodle.school.nl");
		assertThat(PlatformUrls.origin(URI.create("http://127.0.0.1:8800/mod"))).isEqualTo("http://127.0.0.1:8800");
	}

}
