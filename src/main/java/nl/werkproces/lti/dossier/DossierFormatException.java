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

	public DossierFormatException(Reason reason, String dutchMessage, String englishMessage) {
		this(reason, dutchMessage, englishMessage, null);
	}

	public DossierFormatException(Reason reason, String dutchMessage, String englishMessage, Throwable cause) {
		super(englishMessage, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.dutchMessage = Objects.requireNonNull(dutchMessage, "dutchMessage");
	}

	/** Why the source was refused. */
	public Reason reason() {
		return this.reason;
	}

	/** The message for the user, in Dutch. */
	public String dutchMessage() {
		return this.dutchMessage;
	}

	/** Why a source was refused. */
	public enum Reason {

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
