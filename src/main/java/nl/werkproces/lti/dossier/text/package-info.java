/**
 * Reads a kwalificatiedossier from the text SBB's PDF yields: lines are cleaned of page artefacts, classified, split
 * into the document's parts and read into drafts of kerntaken and werkprocessen, which build the model. The line tools
 * ({@link nl.werkproces.lti.dossier.text.LineClassifier}, {@link nl.werkproces.lti.dossier.text.TextNormalizer},
 * {@link nl.werkproces.lti.dossier.text.BulletListAssembler}, …) also read the text inside SBB's XML fields.
 */
package nl.werkproces.lti.dossier.text;
