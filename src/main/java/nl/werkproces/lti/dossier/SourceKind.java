package nl.werkproces.lti.dossier;

/**
 * The kind of source a {@link Dossier} was imported from.
 */
public enum SourceKind {

	/** Plain text, as extracted from SBB's PDF. */
	TEXT,

	/** SBB's PDF, read with PDFBox. */
	PDF,

	/** SBB's XML export. */
	XML

}
