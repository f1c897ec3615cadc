package nl.werkproces.lti.catalog;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog pages as HTML: dossier list, dossier with kerntaken and search, werkproces with profile additions and
 * rubric preview, the printable beoordelingsformulier; Dutch by default, English on request; 404 for unknown parts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogPageTests {

	static final String NETWERK = "Netwerk- en mediabeheerder";

	@Autowired
	MockMvc mvc;

	@Autowired
	DossierCatalog catalog;

	long id;

	@BeforeEach
	void findReferenceDossier() {
		this.id = CatalogTestDossiers.referenceId(this.catalog);
	}

	@Test
	void catalogListsTheReferenceDossierWithoutSigningIn() throws Exception {
		this.mvc.perform(get("/catalog"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(allOf(containsString("Kwalificatiedossiers"),
					containsString("href=\"/catalog/dossiers/" + this.id + "\""), containsString("ICT- en mediabeheer"))));
	}

	@Test
	void dossierPageShowsProfielenKerntakenAndWerkprocessen() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}", this.id))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(NETWERK), containsString("mbo-niveau 4"),
					containsString("id=\"kerntaak-B1-K2\""), containsString("id=\"kerntaak-P1-K2\""),
					containsString("href=\"/catalog/dossiers/" + this.id + "/werkprocessen/B1-K2-W2\""),
					containsString("alleen titel in de bron"), containsString("id=\"catalog-search\""),
					containsString("/js/catalog-filter.js"))));
	}

	@Test
	void searchFiltersWerkprocessenByCodeOrWords() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}", this.id).param("q", "B1-K2"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("3 werkprocessen gevonden"),
					containsString("id=\"werkproces-B1-K2-W3\""), not(containsString("id=\"werkproces-B1-K1-W1\"")))));
		this.mvc.perform(get("/catalog/dossiers/{id}", this.id).param("q", "INCIDENTMELDINGEN behandelt"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"werkproces-P1-K1-W1\""),
					not(containsString("id=\"werkproces-B1-K2-W2\"")))));
		this.mvc.perform(get("/catalog/dossiers/{id}", this.id).param("q", "zzzz"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Geen werkprocessen gevonden voor")));
	}

	@Test
	void werkprocesPageShowsEverythingWithProfielAdditionsMarkedAndTheRubric() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K2-W2", this.id).param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Omschrijving"), containsString("Resultaat"),
					containsString("Gedrag"), containsString("Onderliggende competenties"),
					containsString("class=\"aanvullend chosen\""), containsString("Aanvullend voor " + NETWERK),
					containsString("9 criteria, maximum 27 punten, cesuur 18"), containsString("kritisch"),
					containsString("/beoordelingsformulier.pdf?profiel=Netwerk-%20en%20mediabeheerder"),
					containsString("/rubric.case.json"), containsString("/rubric.json"))));
	}

	@Test
	void werkprocesPageShowsTheRubricAsAGridWithShortDescriptorsAndNoSourceHash() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K2-W2", this.id).param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"rubric-grid\""),
					containsString("<td data-level=\"1 onvoldoende\">Gedeeltelijk of alleen met sturing</td>"),
					containsString("<td data-level=\"2 voldoende\">Zoals beschreven</td>"),
					not(containsString("Zoals beschreven: ")), not(containsString("Niet aangetoond: ")),
					containsString("versie onbekend (geïmporteerd op "), not(containsString("bron ")))));
	}

	@Test
	void paragraphsOfTheTextDossierAreParagraphsOnThePageAndBlocksInTheApi() throws Exception {
		String second = "Tijdens, maar ook vooral na de installatiewerkzaamheden test hij de werking.";
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K2-W2", this.id).param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("<p>De beheerder voert de implementatie uit. Hij voert de geplande installatie- en "
							+ "configuratiewerkzaamheden uit.</p>"),
					containsString("<p>" + second + "</p>"),
					containsString("<p>Hij richt een server in, integreert meerdere platforms in \u00e9\u00e9n netwerk "
							+ "en maakt dataverbindingen tussen netwerkapparatuur, in een netwerk- of "
							+ "mediaproductieomgeving.</p>"))));
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K2-W2", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.omschrijvingBlocks.length()").value(3))
			.andExpect(jsonPath("$.omschrijvingBlocks[*].kind").value(contains("PARAGRAPH", "PARAGRAPH", "PARAGRAPH")))
			.andExpect(jsonPath("$.omschrijvingBlocks[1].lines").value(contains(second)))
			.andExpect(jsonPath("$.aanvullingen['" + NETWERK + "'].omschrijvingBlocks.length()").value(2));
	}

	@Test
	void werkprocesKnownByTitleOnlySaysThereAreNoCriteriaInTheSource() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/P1-K1-W1", this.id))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("geen criteria in de bron"),
					containsString("Geen criteria in de bron."))));
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/P1-K1-W1", this.id).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("no criteria in the source"),
					containsString("No criteria in the source."))));
	}

	@Test
	void pagesAreInEnglishWhenTheBrowserAsks() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K2-W2", this.id).param("profiel", NETWERK)
			.header("Accept-Language", "en-GB,en;q=0.9"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("Behaviour"),
					containsString("9 criteria, maximum 27 points, pass mark 18"))));
	}

	@Test
	void printableBeoordelingsformulierHasFieldsForStudentAssessorsDateAndSignatures() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K2-W2/beoordelingsformulier", this.id)
			.param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Beoordelingsformulier"), containsString("Studentnummer"),
					containsString("Beoordelaar 1"), containsString("Beoordelaar 2"), containsString("Datum"),
					containsString("Handtekening Student"),
					containsString("Maximaal 27 punten; voldoende vanaf 18 punten (de cesuur)"),
					containsString("precies de cesuur geeft een 5,5 en het maximum een 10"),
					containsString("Rubric versie 1, afgeleid uit het kwalificatiedossier ICT- en mediabeheer"),
					containsString("werkproces B1-K2-W2 (Netwerk- en mediabeheerder)"), containsString("/js/print.js"),
					containsString("id=\"form-back\" href=\"../B1-K2-W2?profiel="), not(containsString("S &gt;=")),
					containsString("(crebo "), containsString("versie onbekend (geïmporteerd op "),
					not(containsString("bron ")), not(containsString("Zoals beschreven: ")))));
	}

	@Test
	void unknownDossierWerkprocesOrProfielIsA404Page() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}", 987654321L)).andExpect(status().isNotFound());
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B9-K9-W9", this.id))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K2-W2", this.id).param("profiel", "Kok"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/catalog/dossiers/abc")).andExpect(status().isBadRequest());
	}

	@Test
	void rubricGridAndPrintableFormShowShortLevelDescriptorsInThePagesLanguage() throws Exception {
		String werkproces = "/catalog/dossiers/{id}/werkprocessen/B1-K2-W2";
		for (String page : List.of(werkproces, werkproces + "/beoordelingsformulier")) {
			this.mvc.perform(get(page, this.id).param("profiel", NETWERK))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Gedeeltelijk of alleen met sturing"),
						containsString("Volledig zoals beschreven, zelfstandig gerealiseerd en goed onderbouwd"),
						not(containsString("Partly or only with guidance")))));
			this.mvc.perform(get(page, this.id).param("profiel", NETWERK).header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Partly or only with guidance"),
						containsString("Fully as described, realised independently and well-founded"),
						containsString("As described"), not(containsString("Gedeeltelijk of alleen met sturing")),
						not(containsString("Zoals beschreven")))));
		}
	}

}
