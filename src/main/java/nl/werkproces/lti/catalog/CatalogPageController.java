package nl.werkproces.lti.catalog;

import java.util.ArrayList;
import java.util.List;

import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierVersion;
import nl.werkproces.lti.dossier.Kerntaak;
import nl.werkproces.lti.dossier.Profiel;
import nl.werkproces.lti.dossier.Werkproces;
import nl.werkproces.lti.rubric.DossierRubrics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalog pages: dossiers, one dossier's profielen and kerntaken with a search over its werkprocessen, one
 * werkproces with its rubric for a profiel, and the printable beoordelingsformulier. The page parts are fragments
 * ({@code catalog/fragments}) for reuse in the teacher's Deep Linking picker.
 */
@Controller
@RequestMapping("/catalog")
class CatalogPageController {

	private final DossierCatalog catalog;

	CatalogPageController(DossierCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String dossiers(Model model) {
		model.addAttribute("dossiers", this.catalog.all());
		return "catalog/dossiers";
	}

	@GetMapping("/dossiers/{id}")
	String dossier(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		DossierVersion dossier = this.catalog.get(id);
		WerkprocesSearch search = WerkprocesSearch.of(q);
		List<KerntaakSection> sections = sections(dossier, search);
		model.addAttribute("dossier", dossier);
		model.addAttribute("search", search);
		model.addAttribute("sections", sections);
		model.addAttribute("found", sections.stream().mapToInt((section) -> section.werkprocessen().size()).sum());
		return "catalog/dossier";
	}

	@GetMapping("/dossiers/{id}/werkprocessen/{code}")
	String werkproces(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String profiel, Model model) {
		CatalogWerkproces chosen = this.catalog.werkproces(id, code, profiel);
		addWerkproces(chosen, model);
		return "catalog/werkproces";
	}

	@GetMapping("/dossiers/{id}/werkprocessen/{code}/beoordelingsformulier")
	String beoordelingsformulier(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String profiel, Model model) {
		addWerkproces(this.catalog.werkproces(id, code, profiel), model);
		return "catalog/beoordelingsformulier";
	}

	private static void addWerkproces(CatalogWerkproces chosen, Model model) {
		DossierVersion dossier = chosen.dossier();
		model.addAttribute("dossier", dossier);
		model.addAttribute("chosen", chosen);
		model.addAttribute("owner", dossier.ownerOf(chosen.werkproces()).orElse(null));
		model.addAttribute("rubric", DossierRubrics.template(chosen));
	}

	/** The kerntaken of the basisdeel, then of each profiel, with the werkprocessen the search finds. */
	private static List<KerntaakSection> sections(DossierVersion dossier, WerkprocesSearch search) {
		List<KerntaakSection> sections = new ArrayList<>();
		dossier.dossier().kerntaken().forEach((kerntaak) -> add(sections, kerntaak, null, search));
		for (Profiel profiel : dossier.dossier().profielen()) {
			profiel.kerntaken().forEach((kerntaak) -> add(sections, kerntaak, profiel, search));
		}
		return sections;
	}

	private static void add(List<KerntaakSection> sections, Kerntaak kerntaak, Profiel profiel,
			WerkprocesSearch search) {
		List<Werkproces> found = kerntaak.werkprocessen().stream().filter(search::matches).toList();
		if (search.isEmpty() || !found.isEmpty()) {
			sections.add(new KerntaakSection(kerntaak, profiel, found));
		}
	}

}
