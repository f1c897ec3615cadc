package nl.werkproces.lti.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.rubric.BeoordelingsformulierPdf;
import nl.werkproces.lti.rubric.CaseRubricExport;
import nl.werkproces.lti.rubric.DossierRubrics;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricJsonExport;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of a werkproces's rubric for a profiel: plain JSON, 1EdTech CASE CFRubric JSON and the printable
 * beoordelingsformulier as PDF. File names carry the werkproces code.
 */
@RestController
@RequestMapping("/api/catalog/dossiers/{id}/werkprocessen/{code}")
class RubricExportController {

	/** The downloads are Dutch documents (as the CASE description and the printed form), whatever the page's language. */
	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private final DossierCatalog catalog;

	private final ToolUrls urls;

	private final DossierVersionText versionText;

	RubricExportController(DossierCatalog catalog, ToolUrls urls, DossierVersionText versionText) {
		this.catalog = catalog;
		this.urls = urls;
		this.versionText = versionText;
	}

	@GetMapping("/rubric.json")
	ResponseEntity<byte[]> json(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String profiel) {
		CatalogWerkproces chosen = this.catalog.werkproces(id, code, profiel);
		Rubric rubric = DossierRubrics.template(chosen);
		String version = this.versionText.value(chosen.dossier(), DUTCH);
		return download(RubricJsonExport.toJson(rubric, version).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
				fileName(rubric, "rubric.json"));
	}

	@GetMapping("/rubric.case.json")
	ResponseEntity<byte[]> caseJson(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String profiel, HttpServletRequest request) {
		CatalogWerkproces chosen = this.catalog.werkproces(id, code, profiel);
		Rubric rubric = DossierRubrics.template(chosen);
		CaseRubricExport export = new CaseRubricExport(URI.create(this.urls.url(request, "/api/catalog/case")));
		String version = this.versionText.phrase(chosen.dossier(), DUTCH);
		return download(export.toJson(rubric, version).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
				fileName(rubric, "rubric.case.json"));
	}

	@GetMapping("/beoordelingsformulier.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String profiel) {
		CatalogWerkproces chosen = this.catalog.werkproces(id, code, profiel);
		Rubric rubric = DossierRubrics.template(chosen);
		String version = this.versionText.phrase(chosen.dossier(), DUTCH);
		return download(BeoordelingsformulierPdf.render(rubric, version), MediaType.APPLICATION_PDF,
				fileName(rubric, "beoordelingsformulier.pdf"));
	}

	private static String fileName(Rubric rubric, String suffix) {
		return rubric.origin().werkprocesCode() + "-" + suffix;
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
