package nl.werkproces.lti.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import nl.werkproces.lti.dossier.text.DossierTextParser;

/**
 * Dossier sources for tests, loaded from the classpath.
 */
public final class TestDossiers {

	public static final String NETWERK = "Netwerk- en mediabeheerder";

	public static final String ICT_BEHEERDER = "ICT-beheerder";

	private TestDossiers() {
	}

	/** The ICT- en mediabeheer text as extracted from SBB's PDF (ships with the tool). */
	public static String ictEnMediabeheerText() {
		return new String(bytes("/dossiers/ict-en-mediabeheer.txt"), StandardCharsets.UTF_8);
	}

	/** SBB's XML export of dossier 2755 Dienstverlening. */
	public static byte[] dienstverleningXml() {
		return bytes("/dossiers/sbb-xml/2755-dienstverlening.xml");
	}

	/**
	 * A small export in SBB's format whose additions per profiel use SBB's {@code aanvullend} list form, the older
	 * forms, and mixes of them (see {@link TestberoepDossier} for every field it holds).
	 */
	public static byte[] testberoepXml() {
		return bytes("/dossiers/sbb-xml-aanvullingen/testberoep.xml");
	}

	public static Dossier ictEnMediabeheer() {
		return new DossierTextParser().parse(ictEnMediabeheerText(), "ICT- en mediabeheer").dossier();
	}

	public static byte[] bytes(String resource) {
		try (InputStream in = TestDossiers.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
