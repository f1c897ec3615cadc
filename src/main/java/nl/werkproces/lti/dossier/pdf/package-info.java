/**
 * Reads a kwalificatiedossier from SBB's PDF: the text PDFBox extracts is read by
 * {@link nl.werkproces.lti.dossier.text.DossierTextParser}.
 */
package nl.werkproces.lti.dossier.pdf;
