package nl.werkproces.lti.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.rubric.DossierRubrics;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricJsonExport;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only catalog API: dossier versions, their werkprocessen and the rubric derived for a profiel. Unknown
 * ids, codes and profielen are 404 problem details.
 */
@RestController
@RequestMapping("/api/catalog/dossiers")
class CatalogApiController {

	private final DossierCatalog catalog;

	private final DossierVersionText versionText;

	CatalogApiController(DossierCatalog catalog, DossierVersionText versionText) {
		this.catalog = catalog;
		this.versionText = versionText;
	}

	@GetMapping
	List<CatalogJson.DossierSummary> dossiers() {
		return this.catalog.all().stream().map(CatalogJson.DossierSummary::of).toList();
	}

	@GetMapping("/{id}")
	CatalogJson.DossierDetail dossier(@PathVariable long id) {
		return CatalogJson.DossierDetail.of(this.catalog.get(id));
	}

	@GetMapping("/{id}/werkprocessen/{code}")
	CatalogJson.WerkprocesDetail werkproces(@PathVariable long id, @PathVariable String code) {
		return CatalogJson.WerkprocesDetail.of(this.catalog.werkproces(id, code, null));
	}

	@GetMapping("/{id}/werkprocessen/{code}/rubric")
	Map<String, Object> rubric(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String profiel) {
		CatalogWerkproces chosen = this.catalog.werkproces(id, code, profiel);
		Rubric rubric = DossierRubrics.template(chosen);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("dossierId", id);
		json.put("criteriaInSource", chosen.werkproces().isDescribed());
		json.putAll(RubricJsonExport.toMap(rubric, this.versionText.value(chosen.dossier(), Locale.forLanguageTag("nl"))));
		return json;
	}

}
