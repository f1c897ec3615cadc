package nl.werkproces.lti.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read-only catalog API on the seeded reference dossier: every endpoint, the worked example's rubric numbers,
 * and 404/400 problem details for what does not exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiTests {

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
	void listsDossierVersionsWithIdentityAndCounts() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[?(@.id == %d)].titel", this.id).value("ICT- en mediabeheer"))
			.andExpect(jsonPath("$[?(@.id == %d)].werkprocessen", this.id).value(16))
			.andExpect(jsonPath("$[?(@.id == %d)].kerntaken", this.id).value(5))
			.andExpect(jsonPath("$[?(@.id == %d)].sourceKind", this.id).value("TEXT"));
	}

	@Test
	void dossierHasProfielenAndKerntakenWithTheirWerkprocessen() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dossier.id").value(this.id))
			.andExpect(jsonPath("$.dossier.versionLabel", startsWith("bron ")))
			.andExpect(jsonPath("$.profielen[*].naam").value(contains("ICT-beheerder", NETWERK)))
			.andExpect(jsonPath("$.profielen[1].mboNiveau").value(4))
			.andExpect(jsonPath("$.kerntaken", hasSize(5)))
			.andExpect(jsonPath("$.kerntaken[1].code").value("B1-K2"))
			.andExpect(jsonPath("$.kerntaken[1].werkprocessen[1].code").value("B1-K2-W2"))
			.andExpect(jsonPath("$.kerntaken[3].profiel").value("ICT-beheerder"))
			.andExpect(jsonPath("$.kerntaken[3].werkprocessen[0].described").value(false))
			.andExpect(jsonPath("$.warnings", hasItem(containsString("geen titel"))));
	}

	@Test
	void werkprocesHasEveryFieldAndTheProfielAdditions() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/{code}", this.id, "b1-k2-w2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("B1-K2-W2"))
			.andExpect(jsonPath("$.kerntaakCode").value("B1-K2"))
			.andExpect(jsonPath("$.described").value(true))
			.andExpect(jsonPath("$.omschrijving", startsWith("De beheerder")))
			.andExpect(jsonPath("$.resultaat", startsWith("De implementatie stemt overeen")))
			.andExpect(jsonPath("$.gedrag", hasSize(5)))
			.andExpect(jsonPath("$.competenties", hasSize(5)))
			.andExpect(jsonPath("$.aanvullingen['" + NETWERK + "'].gedrag", hasSize(2)))
			.andExpect(jsonPath("$.aanvullingen['" + NETWERK + "'].resultaat", startsWith("Correct en volledig")));
	}

	@Test
	void rubricForNetwerkEnMediabeheerderIsTheWorkedExample() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K2-W2/rubric", this.id).param("profiel",
				NETWERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dossierId").value(this.id))
			.andExpect(jsonPath("$.criteriaInSource").value(true))
			.andExpect(jsonPath("$.profiel").value(NETWERK))
			.andExpect(jsonPath("$.criteria", hasSize(9)))
			.andExpect(jsonPath("$.maximum").value(27))
			.andExpect(jsonPath("$.cesuur").value(18))
			.andExpect(jsonPath("$.criteria[0].kind").value("PROCESS"))
			.andExpect(jsonPath("$.criteria[0].kritisch").value(false))
			.andExpect(jsonPath("$.criteria[5].aanvullend").value(true))
			.andExpect(jsonPath("$.criteria[7].kind").value("PRODUCT"))
			.andExpect(jsonPath("$.criteria[7].kritisch").value(true))
			.andExpect(jsonPath("$.criteria[0].levels", hasSize(4)))
			.andExpect(jsonPath("$.criteria[0].levels[2].score").value(2))
			.andExpect(jsonPath("$.criteria[0].levels[2].label").value("voldoende"))
			.andExpect(jsonPath("$.criteria[0].levels[2].descriptor").isNotEmpty());
	}

	@Test
	void rubricWithoutProfielHasTheBasisdeelCriteriaOnly() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K2-W2/rubric", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.profiel").doesNotExist())
			.andExpect(jsonPath("$.criteria", hasSize(6)))
			.andExpect(jsonPath("$.maximum").value(18));
	}

	@Test
	void rubricOfAWerkprocesKnownByTitleOnlyHasNoCriteria() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/P1-K2-W3/rubric", this.id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteriaInSource").value(false))
			.andExpect(jsonPath("$.profiel").value("ICT-beheerder"))
			.andExpect(jsonPath("$.criteria", hasSize(0)))
			.andExpect(jsonPath("$.maximum").value(0));
	}

	@Test
	void unknownDossierWerkprocesOrProfielIsA404ProblemDetail() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/{id}", 987654321L))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.reason").value("DOSSIER"))
			.andExpect(jsonPath("$.instance").value("/api/catalog/dossiers/987654321"));
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B9-K9-W9", this.id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("WERKPROCES"));
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K2-W2/rubric", this.id).param("profiel",
				"Kok"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("PROFIEL"))
			.andExpect(jsonPath("$.detail", containsString("Kok")));
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K2-W2/rubric.json", 987654321L))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void badInputIsA400ProblemDetailNeverAServerError() throws Exception {
		this.mvc.perform(get("/api/catalog/dossiers/not-a-number"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/catalog/dossiers/99999999999999999999999"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/{code}", this.id, "%00<script>"))
			.andExpect(status().is4xxClientError());
		this.mvc.perform(get("/api/catalog/dossiers/{id}/werkprocessen/B1-K2-W2/rubric", this.id).param("profiel",
				"x".repeat(5000)))
			.andExpect(status().isNotFound());
	}

	@Test
	void catalogApiIsReadOnly() throws Exception {
		this.mvc.perform(post("/api/catalog/dossiers").with(csrf())).andExpect(status().is4xxClientError());
		this.mvc.perform(delete("/api/catalog/dossiers/{id}", this.id).with(csrf()))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void exportsDownloadJsonCaseJsonAndPdfForTheProfiel() throws Exception {
		String base = "/api/catalog/dossiers/" + this.id + "/werkprocessen/B1-K2-W2/";
		this.mvc.perform(get(base + "rubric.json").param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("B1-K2-W2-rubric.json")))
			.andExpect(jsonPath("$.criteria", hasSize(9)))
			.andExpect(jsonPath("$.dossier.title").value("ICT- en mediabeheer"));
		this.mvc.perform(get(base + "rubric.case.json").param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.CFRubricCriteria", hasSize(9)))
			.andExpect(jsonPath("$.uri", startsWith("http://localhost/api/catalog/case/CFRubrics/")))
			.andExpect(jsonPath("$.CFRubricCriteria[7].category").value("Product, kritisch"))
			.andExpect(jsonPath("$.CFRubricCriteria[0].CFRubricCriterionLevels", hasSize(4)))
			.andExpect(jsonPath("$.CFRubricCriteria[0].CFRubricCriterionLevels[3].score").value(3.0))
			.andExpect(jsonPath("$.description", containsString("cesuur 18")));
		byte[] pdf = this.mvc.perform(get(base + "beoordelingsformulier.pdf").param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(CatalogTestDossiers.pdfText(pdf)).contains("Beoordelingsformulier")
			.contains("B1-K2-W2")
			.contains("Netwerk- en mediabeheerder")
			.contains("ICT- en mediabeheer")
			.contains("27")
			.contains("18");
	}

	@Test
	void exportsOfAVersionlessDossierSayVersionUnknownAndKeepTheSourceHashOnlyAsIdentity() throws Exception {
		String base = "/api/catalog/dossiers/" + this.id + "/werkprocessen/B1-K2-W2/";
		this.mvc.perform(get(base + "rubric.json").param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dossier.version", startsWith("versie onbekend (geïmporteerd op ")))
			.andExpect(jsonPath("$.dossier.versionLabel", startsWith("bron ")));
		this.mvc.perform(get(base + "rubric").param("profiel", NETWERK))
			.andExpect(jsonPath("$.dossier.version", startsWith("versie onbekend (geïmporteerd op ")));
		this.mvc.perform(get(base + "rubric.case.json").param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description", containsString("ICT- en mediabeheer, versie onbekend (geïmporteerd op ")))
			.andExpect(jsonPath("$.description", not(containsString("bron "))));
		byte[] pdf = this.mvc.perform(get(base + "beoordelingsformulier.pdf").param("profiel", NETWERK))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(CatalogTestDossiers.pdfText(pdf).replaceAll("\\s+", " "))
			.contains("Kwalificatiedossier: ICT- en mediabeheer, versie onbekend (geïmporteerd op ")
			.contains("Rubric versie 1 \u00b7 ICT- en mediabeheer, versie onbekend (geïmporteerd op ")
			.doesNotContain("bron ")
			.doesNotContain("Zoals beschreven: ")
			.contains("Gedeeltelijk of alleen met sturing");
	}

}
