package nl.werkproces.lti.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading the platforms file: a valid file gives the registrations, every mistake names file, entry and field. */
class PlatformsFileTests {

	private static final String SCHOOL = """
			  - name: ROC Example Moodle
			    issuer: https://moodle.roc-example.nl
			    client-id: yK8fGh2kLm
			    authorization-endpoint: https://moodle.roc-example.nl/mod/lti/auth.php
			    token-endpoint: https://moodle.roc-example.nl/mod/lti/token.php
			    jwks-uri: https://moodle.roc-example.nl/mod/lti/certs.php
			    deployment-ids: [1, "7"]
			""";

	@TempDir
	Path directory;

	@Test
	void validFileGivesEveryPlatform() {
		Path file = write("""
				platforms:
				%s
				  - name: Test Moodle
				    issuer: http://localhost:8000
				    client-id: " abc "
				    authorization-endpoint: http://localhost:8000/mod/lti/auth.php?x=1
				    token-endpoint: http://localhost:8000/mod/lti/token.php
				    jwks-uri: http://localhost:8000/mod/lti/certs.php
				    deployment-ids:
				      - "2"
				""".formatted(SCHOOL));
		List<PlatformSettings> platforms = PlatformsFile.read(file);
		assertThat(platforms).containsExactly(
				new PlatformSettings("ROC Example Moodle", "https://moodle.roc-example.nl", "yK8fGh2kLm",
						"https://moodle.roc-example.nl/mod/lti/auth.php",
						"https://moodle.roc-example.nl/mod/lti/token.php",
						"https://moodle.roc-example.nl/mod/lti/certs.php", Set.of("1", "7")),
				new PlatformSettings("Test Moodle", "http://localhost:8000", "abc",
						"http://localhost:8000/mod/lti/auth.php?x=1", "http://localhost:8000/mod/lti/token.php",
						"http://localhost:8000/mod/lti/certs.php", Set.of("2")));
	}

	@Test
	void emptyPlatformsListGivesNoPlatforms() {
		assertThat(PlatformsFile.read(write("platforms: []\n"))).isEmpty();
	}

	@Test
	void missingFieldIsNamedWithItsEntry() {
		Path file = write(
				platforms(SCHOOL.replace("    token-endpoint: https://moodle.roc-example.nl/mod/lti/token.php\n", "")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'token-endpoint': is missing or empty");
	}

	@Test
	void emptyFieldIsNamedWithItsEntry() {
		Path file = write(platforms(SCHOOL.replace("client-id: yK8fGh2kLm", "client-id: \"\"")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'client-id': is missing or empty");
	}

	@Test
	void entryWithoutNameIsNamedByNumber() {
		Path file = write(platforms(SCHOOL + SCHOOL.replace("  - name: ROC Example Moodle\n    issuer:", "  - issuer:")
			.replace("yK8fGh2kLm", "other-client")));
		assertProblem(file, "entry 2, field 'name': is missing or empty");
	}

	@Test
	void badUrlIsNamedWithItsValue() {
		Path file = write(platforms(SCHOOL.replace("jwks-uri: https://moodle.roc-example.nl/mod/lti/certs.php",
				"jwks-uri: moodle.roc-example.nl/mod/lti/certs.php")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'jwks-uri': must be an http(s) URL, got "
				+ "'moodle.roc-example.nl/mod/lti/certs.php'");
	}

	@Test
	void issuerMustBeAUrlToo() {
		Path file = write(platforms(SCHOOL.replace("issuer: https://moodle.roc-example.nl", "issuer: ftp://moodle")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'issuer': must be an http(s) URL");
	}

	@Test
	void emptyDeploymentIdsAreRefused() {
		Path file = write(platforms(SCHOOL.replace("deployment-ids: [1, \"7\"]", "deployment-ids: []")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'deployment-ids': must be a non-empty list");
	}

	@Test
	void deploymentIdsThatAreNoListAreRefused() {
		Path file = write(platforms(SCHOOL.replace("deployment-ids: [1, \"7\"]", "deployment-ids: 1")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'deployment-ids': must be a non-empty list");
	}

	@Test
	void blankDeploymentIdIsRefused() {
		Path file = write(platforms(SCHOOL.replace("deployment-ids: [1, \"7\"]", "deployment-ids: [1, \" \"]")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'deployment-ids': contains an empty or invalid id");
	}

	@Test
	void unknownFieldIsNamed() {
		Path file = write(platforms(SCHOOL.replace("client-id:", "client_id:")));
		assertProblem(file, "entry 1 ('ROC Example Moodle'), field 'client_id': is not a known field (known: name, "
				+ "issuer, client-id, authorization-endpoint, token-endpoint, jwks-uri, deployment-ids)");
	}

	@Test
	void repeatedIssuerAndClientIdAreRefusedAtTheRepeat() {
		Path file = write(platforms(SCHOOL + SCHOOL.replace("name: ROC Example Moodle", "name: Same Moodle Again")));
		assertProblem(file, "entry 2 ('Same Moodle Again'), field 'client-id': repeats issuer and client-id of an "
				+ "earlier entry");
	}

	@Test
	void sameIssuerWithAnotherClientIdIsAllowed() {
		Path file = write(platforms(SCHOOL + SCHOOL.replace("yK8fGh2kLm", "second-tool-registration")));
		assertThat(PlatformsFile.read(file)).hasSize(2);
	}

	@Test
	void entryThatIsNoMappingIsNamedByNumber() {
		Path file = write(platforms(SCHOOL + "  - just a string\n"));
		assertProblem(file, "entry 2: must be a mapping of the platform's fields");
	}

	@Test
	void fileThatIsNotYamlIsRefused() {
		Path file = write("platforms:\n  - name: [unclosed\n    issuer: x\n");
		assertProblem(file, ": is not valid YAML");
	}

	@Test
	void fileWithoutPlatformsListIsRefused() {
		assertProblem(write("servers:\n  - name: x\n"), "field 'platforms': must contain a list 'platforms'");
		assertProblem(write("platforms:\n  name: x\n"), "field 'platforms': must contain a list 'platforms'");
		assertProblem(write("- name: x\n"), "field 'platforms': must contain a list 'platforms'");
		assertProblem(write(""), "field 'platforms': must contain a list 'platforms'");
	}

	private static String platforms(String entries) {
		return "platforms:\n" + entries;
	}

	private Path write(String yaml) {
		try {
			Path file = Files.createTempFile(this.directory, "platforms", ".yaml");
			return Files.writeString(file, yaml);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertProblem(Path file, String problem) {
		assertThatExceptionOfType(PlatformsFileException.class).isThrownBy(() -> PlatformsFile.read(file))
			.withMessageStartingWith("Platforms file " + file)
			.withMessageContaining(problem);
	}

}
