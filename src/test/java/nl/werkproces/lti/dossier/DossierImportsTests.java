package nl.werkproces.lti.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;
import nl.werkproces.lti.dossier.xml.DossierXmlParser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.werkproces.lti.dossier.TestDossiers.ICT_BEHEERDER;
import static nl.werkproces.lti.dossier.TestDossiers.NETWERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DossierImports} and {@link DossierCatalog} on the database: the reference dossier seeded at start, identical
 * and changed re-imports, the XML and PDF sources, and files that are not a dossier. Tests share the database with
 * other test classes (on MySQL), so they count what they add rather than what exists.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DossierImportsTests {

	@Autowired
	DossierImports imports;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DossierStore store;

	@Test
	void referenceDossierIsInTheCatalogAfterStartWithExactCounts() {
		DossierVersion reference = reference();
		Dossier dossier = reference.dossier();
		assertThat(dossier.titel()).isEqualTo("ICT- en mediabeheer");
		assertThat(reference.number()).isEqualTo(1);
		assertThat(reference.importedBy()).isEqualTo("system");
		assertThat(dossier.source()).isEqualTo(SourceKind.TEXT);
		assertThat(dossier.profielen()).extracting(Profiel::naam).containsExactly(ICT_BEHEERDER, NETWERK);
		assertThat(dossier.profiel(NETWERK).orElseThrow().mboNiveau()).isEqualTo(4);
		assertThat(dossier.allKerntaken()).extracting(Kerntaak::code)
			.containsExactly("B1-K1", "B1-K2", "B1-K3", "P1-K1", "P1-K2");
		assertThat(dossier.allWerkprocessen()).hasSize(16);
		assertThat(dossier.allWerkprocessen()).filteredOn(Werkproces::isDescribed).hasSize(11);
		assertThat(reference.warnings()).isNotEmpty();
	}

	@Test
	void storedReferenceDossierReadsBackEqualToTheParsedOne() {
		Dossier parsed = new DossierSources().read("ict-en-mediabeheer.txt", DossierSeed.referenceText(),
				DossierSeed.REFERENCE_TITEL).dossier();
		assertThat(freshlyLoaded(reference().id())).isEqualTo(parsed);
	}

	@Test
	void identicalFileImportedAgainChangesNothing() {
		int before = dossierRows();
		DossierImportReport again = this.imports.importFile("ict-en-mediabeheer.txt", DossierSeed.referenceText(),
				"admin");
		assertThat(again.created()).isFalse();
		assertThat(again.dossierId()).isEqualTo(reference().id());
		assertThat(again.werkprocessen()).isEqualTo(16);
		assertThat(dossierRows()).isEqualTo(before);
	}

	@Test
	void xmlWithAdditionsStoresAndReadsBackEveryFieldAndAReencodedCopyIsTheSameVersion() {
		DossierImportReport first = this.imports.importFile("testberoep.xml", TestDossiers.testberoepXml(), "admin");
		int rows = dossierRows();
		String utf16 = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8)
			.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
			.replace("<dossiers>", "<!-- opnieuw geëxporteerd --><dossiers>");

		DossierImportReport again = this.imports.importFile("testberoep-utf16.xml",
				utf16.getBytes(StandardCharsets.UTF_16), "admin");

		Dossier stored = freshlyLoaded(first.dossierId());
		assertThat(stored).isEqualTo(TestberoepDossier.expected(stored.identity().sourceSha256()));
		assertThat(first.ignored()).containsExactlyInAnyOrderElementsOf(TestberoepDossier.IGNORED);
		assertThat(again.created()).isFalse();
		assertThat(again.dossierId()).isEqualTo(first.dossierId());
		assertThat(again.ignored()).isEqualTo(first.ignored());
		assertThat(dossierRows()).isEqualTo(rows);
	}

	@Test
	void xmlStoredUnderTheSha256OfItsBytesBeforeIsStillTheSameVersion() {
		String xml = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8).replace("Testberoep",
				"Oud testberoep");
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		Dossier parsed = new DossierXmlParser().read(bytes).dossier();
		DossierIdentity byBytes = new DossierIdentity(parsed.titel(), "99999", parsed.identity().versie(),
				parsed.identity().geldigVanaf(), SourceDigest.of(bytes));
		long stored = this.store.insert(
				new DossierImport(new Dossier(byBytes, SourceKind.XML, parsed.profielen(), parsed.kerntaken()),
						List.of()),
				1, "oud.xml", Instant.parse("2026-01-01T00:00:00Z"), "admin");
		int rows = dossierRows();

		DossierImportReport again = this.imports.importFile("oud.xml", bytes, "admin");

		assertThat(again.created()).isFalse();
		assertThat(again.dossierId()).isEqualTo(stored);
		assertThat(dossierRows()).isEqualTo(rows);
	}

	@Test
	void changedTextBecomesANewVersionAndTheOldOneIsKept() {
		String changed = TestDossiers.ictEnMediabeheerText()
			.replace("werkt ordelijk en systematisch", "werkt ordelijk, systematisch en veilig")
			.concat("\nWijziging " + UUID.randomUUID() + "\n");
		DossierImportReport report = this.imports.importFile("ict-en-mediabeheer-2.txt",
				changed.getBytes(StandardCharsets.UTF_8), "admin", "ICT- en mediabeheer");
		assertThat(report.created()).isTrue();
		assertThat(report.dossierId()).isNotEqualTo(reference().id());
		assertThat(report.versionNumber()).isGreaterThan(1);
		assertThat(report.titel()).isEqualTo("ICT- en mediabeheer");
		DossierVersion newVersion = this.catalog.find(report.dossierId()).orElseThrow();
		assertThat(newVersion.werkproces("B1-K2-W2").orElseThrow().gedrag().get(1))
			.startsWith("werkt ordelijk, systematisch en veilig");
		assertThat(newVersion.importedBy()).isEqualTo("admin");
		assertThat(freshlyLoaded(reference().id()).werkproces("B1-K2-W2").orElseThrow().gedrag().get(1))
			.startsWith("werkt ordelijk en systematisch");
		assertThat(newVersion.label()).isNotEqualTo(reference().label());
	}

	@Test
	void dienstverleningXmlImportsWithAllProfielenAndWerkprocessen() {
		DossierImportReport report = this.imports.importFile("2755-dienstverlening.xml",
				TestDossiers.dienstverleningXml(), "admin");
		assertThat(report.titel()).isEqualTo("Dienstverlening");
		assertThat(report.crebo()).isEqualTo("23189");
		assertThat(report.sourceKind()).isEqualTo(SourceKind.XML);
		assertThat(report.profielen()).isEqualTo(3);
		assertThat(report.kerntaken()).isEqualTo(4);
		assertThat(report.werkprocessen()).isEqualTo(18);
		assertThat(report.werkprocessenTitleOnly()).isZero();
		Dossier stored = freshlyLoaded(report.dossierId());
		assertThat(stored).isEqualTo(new DossierXmlParser().read(TestDossiers.dienstverleningXml()).dossier());
		assertThat(stored.profielen()).allSatisfy((profiel) -> assertThat(profiel.kerntaken()).hasSize(1));
	}

	@Test
	void pdfMadeFromTheReferenceTextImports() {
		String text = TestDossiers.ictEnMediabeheerText() + "\nPDF " + UUID.randomUUID() + "\n";
		byte[] pdf = TestPdfs.fromText(text);
		DossierImportReport report = this.imports.importFile("ict-en-mediabeheer.pdf", pdf, "admin");
		assertThat(report.created()).isTrue();
		assertThat(report.sourceKind()).isEqualTo(SourceKind.PDF);
		assertThat(report.titel()).isEqualTo("ict-en-mediabeheer");
		assertThat(report.kerntaken()).isEqualTo(5);
		assertThat(report.werkprocessen()).isEqualTo(16);
		assertThat(report.werkprocessenTitleOnly()).isEqualTo(5);
		assertThat(report.sourceSha256()).isEqualTo(SourceDigest.of(pdf));
	}

	@Test
	void fileThatIsNotADossierIsRefusedAndNothingIsStored() {
		int before = dossierRows();
		byte[] shoppingList = "Boodschappen:\n- melk\n- brood\n".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.imports.importFile("boodschappen.txt", shoppingList, "admin"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_A_DOSSIER))
			.satisfies((ex) -> assertThat(ex.dutchMessage()).contains("geen kwalificatiedossier"));
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.imports.importFile("leeg.pdf", new byte[0], "admin"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.EMPTY));
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.imports.importFile("kapot.pdf", "%PDF-1.7 kapot".getBytes(), "admin"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.PDF_UNREADABLE));
		assertThatExceptionOfType(DossierFormatException.class)
			.isThrownBy(() -> this.imports.importFile("x.xml", "<html><body/></html>".getBytes(), "admin"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_A_DOSSIER));
		assertThat(dossierRows()).isEqualTo(before);
	}

	private DossierVersion reference() {
		return this.catalog.findBySourceSha256(SourceDigest.of(DossierSeed.referenceText())).orElseThrow();
	}

	private Dossier freshlyLoaded(long id) {
		return new DossierCatalog(new DossierStore(this.jdbc)).find(id).orElseThrow().dossier();
	}

	private int dossierRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM dossier").query(Integer.class).single();
	}

}
