/**
 * Reads kwalificatiedossiers from SBB's XML export, securely and strictly: an element, attribute or reference the
 * reader does not understand refuses the import rather than losing content.
 */
package nl.werkproces.lti.dossier.xml;
