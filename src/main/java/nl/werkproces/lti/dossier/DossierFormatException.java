package nl.werkproces.lti.dossier;

import java.util.Objects;

/**
 * A source that cannot be read as a kwalificatiedossier. Carries a {@link Reason} for the
 * handler that shows it, a Dutch message for the user and an English one ({@link #getMessage()})
 * for logs.
 */
public class DossierFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final String dutchMessage;

	private final String path;

	public DossierFormatException(Reason reason, String dutchMessage, String englishMessage) {
		this(reason, dutchMessage, englishMessage, (Throwable) null);
	}

	public DossierFormatException(Reason reason, String dutchMessage, String englishMessage, Throwable cause) {
		this(reason, dutchMessage, englishMessage, null, cause);
	}

	/**
	 * A refusal that names the place in the source.
	 * @param reason why
	 * @param dutchMessage the message for the user, in Dutch
	 * @param englishMessage the message in English
	 * @param path where in the source, XPath-like (e.g. {@code /sbb/dossiers/dossier/basis/foo[2]}), may be
	 * {@code null}
	 */
	public DossierFormatException(Reason reason, String dutchMessage, String englishMessage, String path) {
		this(reason, dutchMessage, englishMessage, path, null);
	}

	private DossierFormatException(Reason reason, String dutchMessage, String englishMessage, String path,
			Throwable cause) {
		super(englishMessage, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.dutchMessage = Objects.requireNonNull(dutchMessage, "dutchMessage");
		this.path = path;
	}

	/** Why the source was refused. */
	public Reason reason() {
		return this.reason;
	}

	/** The message for the user, in Dutch. */
	public String dutchMessage() {
		return this.dutchMessage;
	}

	/** Where in the source the problem is (XPath-like), {@code null} when not tied to one place. */
	public String path() {
		return this.path;
	}

	/** Why a source was refused. */
	public enum Reason {

		/** The file is larger than {@code lti.dossiers.max-file-size} (HTTP 413). */
		TOO_LARGE,

		/** The source holds absurd counts (werkprocessen, items in one list, elements). */
		TOO_MANY,

		/** The XML nests elements deeper than any dossier does. */
		XML_TOO_DEEP,

		/** The XML holds an element (or text) the reader does not understand; importing it would lose content. */
		XML_UNKNOWN_ELEMENT,

		/** An element the reader reads has an attribute it does not understand; importing it could lose content. */
		XML_UNKNOWN_ATTRIBUTE,

		/** The XML export holds more than one kwalificatiedossier; each must be imported as a file of its own. */
		SEVERAL_DOSSIERS,

		/** The XML refers to a profiel, competentie or kennis-of-vaardigheid it does not define. */
		XML_UNKNOWN_REFERENCE,

		/** The source is empty (or only whitespace). */
		EMPTY,

		/** The source has content, but nothing that looks like a kwalificatiedossier. */
		NOT_A_DOSSIER,

		/** The source looks like a dossier, but no kerntaak could be read from it. */
		NO_KERNTAKEN,

		/** The XML is not well-formed, or not SBB's dossier export. */
		XML_INVALID,

		/** The XML declares a DOCTYPE or entities, which are refused (XXE protection). */
		XML_DOCTYPE_REFUSED,

		/** The bytes are not a PDF PDFBox can open (damaged, encrypted or not a PDF). */
		PDF_UNREADABLE,

		/** The PDF has no extractable text (for example a scan). */
		PDF_WITHOUT_TEXT

	}

}
