/**
 * Kwalificatiedossiers, from source to catalog. The pipeline: a source file is read by its format's subpackage
 * ({@link nl.werkproces.lti.dossier.text} for the text SBB's PDF yields, {@link nl.werkproces.lti.dossier.pdf} for the
 * PDF itself, {@link nl.werkproces.lti.dossier.xml} for SBB's XML export) into a {@link nl.werkproces.lti.dossier.Dossier}
 * (the shared model: {@link nl.werkproces.lti.dossier.Kerntaak}, {@link nl.werkproces.lti.dossier.Werkproces}, their
 * additions per profiel, text fields as {@link nl.werkproces.lti.dossier.TextBlock}s);
 * {@link nl.werkproces.lti.dossier.DossierSources} picks the reader and applies the limits,
 * {@link nl.werkproces.lti.dossier.DossierImports} stores a version ({@link nl.werkproces.lti.dossier.DossierStore}),
 * and {@link nl.werkproces.lti.dossier.DossierCatalog} serves the versions to the catalog, the rubrics and the Deep
 * Linking picker.
 */
package nl.werkproces.lti.dossier;
