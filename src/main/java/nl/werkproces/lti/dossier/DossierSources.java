package nl.werkproces.lti.dossier;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import nl.werkproces.lti.dossier.pdf.DossierPdfReader;
import nl.werkproces.lti.dossier.text.DossierTextParser;
import nl.werkproces.lti.dossier.xml.DossierXmlParser;

/**
 * Reads an uploaded file with the parser its content asks for: a PDF ({@code %PDF} header) with
 * {@link DossierPdfReader}, XML (starts with {@code <}) with {@link DossierXmlParser}, anything else as text with
 * {@link DossierTextParser}; UTF-16 is recognized by its byte order mark. The file name only supplies a title when
 * the source states none. Every dossier read is checked against the {@link DossierLimits}. A text source is
 * identified by the SHA-256 of its decoded text, so its encoding does not make a new version.
 */
public final class DossierSources {

	private static final int SNIFF_LENGTH = 1024;

	private final DossierTextParser textParser = new DossierTextParser();

	private final DossierPdfReader pdfReader = new DossierPdfReader(this.textParser);

	private final DossierXmlParser xmlParser = new DossierXmlParser();

	public DossierImport read(String filename, byte[] bytes, String fallbackTitel) {
		DossierImport imported = readSource(filename, bytes, fallbackTitel);
		DossierLimits.check(imported.dossier());
		return imported;
	}

	private DossierImport readSource(String filename, byte[] bytes, String fallbackTitel) {
		String titel = (fallbackTitel != null && !fallbackTitel.isBlank()) ? fallbackTitel.strip() : titelFrom(filename);
		String start = new String(bytes, 0, Math.min(bytes.length, SNIFF_LENGTH), StandardCharsets.ISO_8859_1);
		if (start.contains("%PDF-")) {
			return this.pdfReader.read(bytes, titel);
		}
		Charset utf16 = utf16(bytes);
		String decodedStart = (utf16 != null) ? new String(bytes, 0, Math.min(bytes.length, SNIFF_LENGTH), utf16)
				: start;
		if (withoutBom(decodedStart).stripLeading().startsWith("<")) {
			return this.xmlParser.read(bytes);
		}
		String text = withoutBom(new String(bytes, (utf16 != null) ? utf16 : StandardCharsets.UTF_8));
		return this.textParser.parse(text, titel, SourceKind.TEXT, SourceDigest.of(text));
	}

	/** UTF-16 by its byte order mark, or by a zero byte beside the first character; else {@code null}. */
	private static Charset utf16(byte[] bytes) {
		if (bytes.length < 2) {
			return null;
		}
		if ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == 0 && bytes[1] != 0)) {
			return StandardCharsets.UTF_16BE;
		}
		if ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] != 0 && bytes[1] == 0)) {
			return StandardCharsets.UTF_16LE;
		}
		return null;
	}

	/** The file name without folders and extension, {@code null} when there is none. */
	static String titelFrom(String filename) {
		if (filename == null || filename.isBlank()) {
			return null;
		}
		String name = filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		if (dot > 0 && name.substring(dot + 1).toLowerCase(Locale.ROOT).matches("txt|pdf|xml|text")) {
			name = name.substring(0, dot);
		}
		return name.isBlank() ? null : name.strip();
	}

	private static String withoutBom(String text) {
		if (text.startsWith("\uFEFF")) {
			return text.substring(1);
		}
		return text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text;
	}

}
