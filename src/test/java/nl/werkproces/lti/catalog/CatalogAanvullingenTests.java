package nl.werkproces.lti.catalog;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierImports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
 * Per-profiel additions of an SBB XML export in the {@code aanvullend} list form (and mixed with the older forms)
 * in the catalog API ({@code aanvullingen}), on the catalog pages per profiel, and in the rubric as PRODUCT.md says:
 * aanvullend gedrag as extra process criteria marked aanvullend, aanvullend resultaat as extra product criteria,
 * kritisch by default, added competenties as tags.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogAanvullingenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DossierImports imports;

	long id;

	@BeforeEach
	void importTestberoep() throws IOException {
		try (InputStream xml = getClass().getResourceAsStream("/dossiers/sbb-xml-aanvullingen/testberoep.xml")) {
			this.id = this.imports.importFile("testberoep.xml", xml.readAllBytes(), "test").dossierId();
		}
	}

	@Test
	void werkprocesApiHasTheAdditionsOfEveryProfielThatAddsSomething() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K1-W1", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.aanvullingen.Beheerder.omschrijving").value("De beheerder installeert ook servers."))
			.andExpect(jsonPath("$.aanvullingen.Beheerder.resultaat")
				.value("De servers zijn ge\u00efnstalleerd en gedocumenteerd."))
			.andExpect(jsonPath("$.aanvullingen.Beheerder.gedrag")
				.value(contains("test de server grondig;", "legt de configuratie vast.")))
			.andExpect(jsonPath("$.aanvullingen.Beheerder.competenties")
				.value(contains("Presenteren", "Samenwerken en overleggen")))
			.andExpect(jsonPath("$.aanvullingen.Netwerkbeheerder.gedrag")
				.value(contains("meet het netwerk door;", "rapporteert de meetwaarden.")))
			.andExpect(jsonPath("$.aanvullingen.Mediabeheerder").doesNotExist());
	}

	@Test
	void dossierApiHasTheKerntaakAdditionsPerProfiel() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kerntaken[0].aanvullingen.Beheerder.complexiteit")
				.value("De beheerder lost ook complexe storingen op."))
			.andExpect(jsonPath("$.kerntaken[0].aanvullingen.Beheerder.vakkennisEnVaardigheden")
				.value(contains("heeft specialistische kennis van servers;", "kan een back-up terugzetten.")))
			.andExpect(jsonPath("$.kerntaken[0].aanvullingen.Netwerkbeheerder.verantwoordelijkheidEnZelfstandigheid")
				.value("Is ook verantwoordelijk voor het netwerk van \u00e9\u00e9n klant."))
			.andExpect(jsonPath("$.kerntaken[0].aanvullingen.Mediabeheerder.vakkennisEnVaardigheden")
				.value(contains("heeft kennis van mediaformaten")));
	}

	@Test
	void rubricForAProfielHasItsAdditionsAsMarkedCriteriaAndTags() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K1-W1/rubric", this.id).param("profiel",
				"Beheerder"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[*].key").value(contains("gedrag-1", "gedrag-2", "aanvullend-gedrag-1",
					"aanvullend-gedrag-2", "resultaat-1", "aanvullend-resultaat-1")))
			.andExpect(jsonPath("$.criteria[*].aanvullend").value(contains(false, false, true, true, false, true)))
			.andExpect(jsonPath("$.criteria[*].kritisch").value(contains(false, false, false, false, true, true)))
			.andExpect(jsonPath("$.criteria[*].kind")
				.value(contains("PROCESS", "PROCESS", "PROCESS", "PROCESS", "PRODUCT", "PRODUCT")))
			.andExpect(jsonPath("$.criteria[2].text").value("Test de server grondig;"))
			.andExpect(jsonPath("$.criteria[5].text").value("De servers zijn ge\u00efnstalleerd en gedocumenteerd."))
			.andExpect(jsonPath("$.maximum").value(18))
			.andExpect(jsonPath("$.cesuur").value(12))
			.andExpect(jsonPath("$.competenties")
				.value(contains("Analyseren", "Kwaliteit leveren", "Presenteren", "Samenwerken en overleggen")));
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K1-W2/rubric", this.id).param("profiel",
				"Mediabeheerder"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[*].key")
				.value(contains("gedrag-1", "gedrag-2", "aanvullend-gedrag-1", "resultaat-1")))
			.andExpect(jsonPath("$.competenties").value(contains("Analyseren", "Presenteren")));
	}

	@Test
	void textFieldsComeWithTheirParagraphsAndListsAsBlocks() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K1-W2", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.omschrijving").value("De beroepsbeoefenaar lost storingen op.\n\n- kijkt eerst in het logboek;"
					+ "\n- belt dan de leverancier."))
			.andExpect(jsonPath("$.omschrijvingBlocks[0].kind").value("PARAGRAPH"))
			.andExpect(jsonPath("$.omschrijvingBlocks[0].lines").value(contains("De beroepsbeoefenaar lost storingen op.")))
			.andExpect(jsonPath("$.omschrijvingBlocks[1].kind").value("LIST"))
			.andExpect(jsonPath("$.omschrijvingBlocks[1].lines")
				.value(contains("kijkt eerst in het logboek;", "belt dan de leverancier.")))
			.andExpect(jsonPath("$.aanvullingen.Netwerkbeheerder.resultaatBlocks[0].lines")
				.value(contains("Het netwerk werkt weer.")));
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K1-W2", this.id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<ul class=\"text-list\"><li>kijkt eerst in het logboek;</li>"
					+ "<li>belt dan de leverancier.</li></ul>")));
	}

	@Test
	void pagesShowTheAdditionsPerProfiel() throws Exception {
		this.mvc.perform(get("/catalog/dossiers/{id}/werkprocessen/B1-K1-W1", this.id))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Aanvullend voor Beheerder"),
					containsString("test de server grondig;"), containsString("Aanvullend voor Netwerkbeheerder"),
					containsString("rapporteert de meetwaarden."), not(containsString("Aanvullend voor Mediabeheerder")))));
		this.mvc.perform(get("/catalog"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Testberoep \u00b7 crebo 25999 \u00b7 versie 2")));
		this.mvc.perform(get("/catalog/dossiers/{id}", this.id))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("De beheerder lost ook complexe storingen op."),
					containsString("Aanvullend voor Mediabeheerder"), containsString("heeft kennis van mediaformaten"),
					containsString("Vakkennis en vaardigheden"))));
	}

}
