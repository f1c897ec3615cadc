package nl.werkproces.lti.dossier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.werkproces.lti.dossier.xml.DossierXmlParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Start-up import: the reference dossier and the files of {@code lti.dossiers.import-files}, idempotent on restart;
 * a configured file that is not a dossier stops the start with its name.
 */
@SpringBootTest(properties = "lti.dossiers.import-files=src/test/resources/dossiers/sbb-xml/2755-dienstverlening.xml")
class DossierSeedTests {

	@Autowired
	DossierSeed seed;

	@Autowired
	DossierImports imports;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void referenceDossierAndConfiguredFilesAreInTheCatalogAfterStart() {
		assertThat(this.catalog.findBySourceSha256(SourceDigest.of(DossierSeed.referenceText()))).isPresent();
		DossierVersion dienstverlening = this.catalog
			.findBySourceSha256(new DossierXmlParser().read(TestDossiers.dienstverleningXml()).dossier().identity().sourceSha256())
			.orElseThrow();
		assertThat(dienstverlening.dossier().titel()).isEqualTo("Dienstverlening");
	}

	@Test
	void runningTheSeedAgainAsOnARestartChangesNothing() {
		int before = this.jdbc.sql("SELECT COUNT(*) FROM dossier").query(Integer.class).single();
		this.seed.run(new DefaultApplicationArguments());
		this.seed.run(new DefaultApplicationArguments());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM dossier").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void configuredFileThatIsNotADossierStopsTheStartNamingTheFile(@TempDir Path dir) throws IOException {
		Path notes = Files.writeString(dir.resolve("notulen.txt"), "Notulen van de teamvergadering");
		DossierSeed misconfigured = new DossierSeed(this.imports, new DossierProperties(List.of(notes)));
		assertThatIllegalStateException().isThrownBy(() -> misconfigured.run(new DefaultApplicationArguments()))
			.withMessageContaining("notulen.txt")
			.withMessageContaining("NOT_A_DOSSIER");
		DossierSeed missing = new DossierSeed(this.imports, new DossierProperties(List.of(dir.resolve("weg.pdf"))));
		assertThatIllegalStateException().isThrownBy(() -> missing.run(new DefaultApplicationArguments()))
			.withMessageContaining("weg.pdf");
	}

}
