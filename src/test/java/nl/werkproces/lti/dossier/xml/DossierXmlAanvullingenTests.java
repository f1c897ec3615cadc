package nl.werkproces.lti.dossier.xml;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierImport;
import nl.werkproces.lti.dossier.DossierSources;
import nl.werkproces.lti.dossier.SourceDigest;
import nl.werkproces.lti.dossier.TestDossiers;
import nl.werkproces.lti.dossier.TestberoepDossier;
import nl.werkproces.lti.dossier.Werkproces;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DossierXmlParser} on additions per profiel in SBB's {@code aanvullend} list form, in the older forms, and
 * mixed within one "…perprofiel" element; the same export in other encodings and with comments is the same dossier
 * with the same canonical SHA-256. Every field is compared ({@link TestberoepDossier}).
 */
class DossierXmlAanvullingenTests {

	private final DossierXmlParser parser = new DossierXmlParser();

	@Test
	void readsEveryFieldOfAdditionsInTheListFormTheOlderFormsAndTheirMix() {
		DossierImport imported = this.parser.read(TestDossiers.testberoepXml());

		String sha256 = imported.dossier().identity().sourceSha256();
		assertThat(imported.dossier()).isEqualTo(TestberoepDossier.expected(sha256));
		assertThat(imported.warnings()).isEmpty();
		assertThat(imported.ignored()).containsExactlyInAnyOrderElementsOf(TestberoepDossier.IGNORED);
	}

	@Test
	void additionsOfSeveralAanvullendElementsForOneProfielAreJoinedInOrder() {
		Werkproces werkproces = this.parser.read(TestDossiers.testberoepXml()).dossier().werkproces("B1-K1-W1").orElseThrow();

		assertThat(werkproces.aanvullingFor(TestberoepDossier.NETWERKBEHEERDER).gedrag())
			.containsExactly("meet het netwerk door;", "rapporteert de meetwaarden.");
		assertThat(werkproces.aanvullingen()).doesNotContainKey(TestberoepDossier.MEDIABEHEERDER);
	}

	@Test
	void utf16WithByteOrderMarkImportsExactlyWithTheSameSha256() {
		byte[] utf16 = reencoded("UTF-16", StandardCharsets.UTF_16);
		byte[] utf16le = withBom(new byte[] { (byte) 0xFF, (byte) 0xFE }, reencoded("UTF-16", StandardCharsets.UTF_16LE));

		DossierImport original = this.parser.read(TestDossiers.testberoepXml());
		DossierImport bigEndian = new DossierSources().read("testberoep.xml", utf16, null);
		DossierImport littleEndian = new DossierSources().read("testberoep.xml", utf16le, null);

		assertThat(utf16[0]).isEqualTo((byte) 0xFE);
		assertThat(bigEndian.dossier()).isEqualTo(original.dossier());
		assertThat(littleEndian.dossier()).isEqualTo(original.dossier());
	}

	@Test
	void isoLatin1DeclaredInTheprologImportsExactlyWithTheSameSha256() {
		byte[] latin1 = reencoded("ISO-8859-1", StandardCharsets.ISO_8859_1);

		DossierImport imported = new DossierSources().read("testberoep.xml", latin1, null);

		assertThat(imported.dossier()).isEqualTo(this.parser.read(TestDossiers.testberoepXml()).dossier());
		assertThat(imported.dossier().kerntaak("B1-K1").orElseThrow().aanvullingFor("Netwerkbeheerder")
			.verantwoordelijkheidEnZelfstandigheid()).contains("\u00e9\u00e9n klant");
	}

	@Test
	void addedCommentsAndLayoutKeepTheSha256AndChangedContentChangesIt() {
		String xml = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8);
		String commented = xml.replace("<dossiers>", "<!-- opnieuw geëxporteerd -->\n\n   <dossiers>")
			.replace("<competentie nr=\"1\" titel=\"Analyseren\" code=\"M\" />",
					"<competentie code=\"M\" titel=\"Analyseren\" nr=\"1\"></competentie>");
		String changed = xml.replace("werkt nauwkeurig;", "werkt zeer nauwkeurig;");

		String original = sha256(xml);

		assertThat(sha256(commented)).isEqualTo(original);
		assertThat(sha256(changed)).isNotEqualTo(original);
		assertThat(original).isNotEqualTo(SourceDigest.of(TestDossiers.testberoepXml())).hasSize(64);
	}

	private String sha256(String xml) {
		return this.parser.read(xml.getBytes(StandardCharsets.UTF_8)).dossier().identity().sourceSha256();
	}

	private static byte[] reencoded(String declared, Charset charset) {
		String xml = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"",
				"encoding=\"" + declared + "\"");
		return xml.getBytes(charset);
	}

	private static byte[] withBom(byte[] bom, byte[] content) {
		byte[] result = new byte[bom.length + content.length];
		System.arraycopy(bom, 0, result, 0, bom.length);
		System.arraycopy(content, 0, result, bom.length, content.length);
		return result;
	}

}
