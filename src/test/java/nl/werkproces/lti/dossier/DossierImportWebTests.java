package nl.werkproces.lti.dossier;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin import page and API: only for the tool admin role, a report after the upload, a clear refusal for a
 * file that is not a dossier.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DossierImportWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importPageAndApiNeedTheToolAdminRole() throws Exception {
		this.mvc.perform(get("/admin/dossiers/import"))
			.andExpect(status().isFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/admin/login"));
		this.mvc.perform(get("/admin/dossiers/import").with(user("docent").roles("LTI_LAUNCH")))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/admin/dossiers").file(referenceFile()).with(csrf()))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(multipart("/api/admin/dossiers").file(referenceFile()).with(csrf()).with(teacher()))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/admin/dossiers/import").file(referenceFile()).with(csrf()).with(teacher()))
			.andExpect(status().isForbidden());
	}

	@Test
	void importPageShowsTheUploadFormInDutchAndEnglish() throws Exception {
		this.mvc.perform(get("/admin/dossiers/import").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kwalificatiedossier importeren")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		this.mvc.perform(get("/admin/dossiers/import").param("lang", "en").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Import a kwalificatiedossier")));
	}

	@Test
	void uploadShowsTheReportAfterwards() throws Exception {
		this.mvc.perform(multipart("/admin/dossiers/import").file(referenceFile()).with(csrf()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dit bestand staat al in de catalogus")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"count-werkprocessen\">\\s*<span>16</span>.*")))
			.andExpect(content().string(containsString("5 alleen met titel")));
		MockMultipartFile changed = textFile(TestDossiers.ictEnMediabeheerText() + "\nPagina " + UUID.randomUUID());
		this.mvc.perform(multipart("/admin/dossiers/import").file(changed).with(csrf()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Geïmporteerd als nieuwe versie")));
	}

	@Test
	void uploadOfAFileThatIsNotADossierIsRefusedAndChangesNothing() throws Exception {
		int before = dossierRows();
		this.mvc.perform(multipart("/admin/dossiers/import").file(textFile("Notulen van de vergadering"))
			.with(csrf())
			.with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Niet geïmporteerd")))
			.andExpect(content().string(containsString("geen kwalificatiedossier")))
			.andExpect(content().string(containsString("NOT_A_DOSSIER")));
		this.mvc.perform(multipart("/api/admin/dossiers").file(textFile("Notulen")).with(csrf()).with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("NOT_A_DOSSIER"))
			.andExpect(jsonPath("$.detail", containsString("geen kwalificatiedossier")));
		assertThat(dossierRows()).isEqualTo(before);
	}

	@Test
	void apiImportsXmlAndAChangedTextAsNewVersionAndAnswersWithTheReport() throws Exception {
		MockMultipartFile xml = new MockMultipartFile("file", "2755-dienstverlening.xml", "text/xml",
				TestDossiers.dienstverleningXml());
		this.mvc.perform(multipart("/api/admin/dossiers").file(xml).with(csrf()).with(admin()))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.titel").value("Dienstverlening"))
			.andExpect(jsonPath("$.profielen").value(3))
			.andExpect(jsonPath("$.werkprocessen").value(18));
		this.mvc.perform(multipart("/api/admin/dossiers").file(xml).with(csrf()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(false));
		MockMultipartFile changed = textFile(TestDossiers.ictEnMediabeheerText() + "\nAPI " + UUID.randomUUID());
		this.mvc.perform(multipart("/api/admin/dossiers").file(changed)
			.param("titel", "ICT- en mediabeheer")
			.with(csrf())
			.with(admin()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.titel").value("ICT- en mediabeheer"))
			.andExpect(jsonPath("$.versionNumber", greaterThan(1)))
			.andExpect(header().string("Location", matchesPattern("/api/catalog/dossiers/\\d+")))
			.andExpect(jsonPath("$.created").value(true));
	}

	@Test
	void xmlWithAnUnknownAttributeOrSeveralDossiersIsRefusedAndNothingIsStored() throws Exception {
		int before = dossierRows();
		String testberoep = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8);
		MockMultipartFile attribute = new MockMultipartFile("file", "attribuut.xml", "text/xml",
				testberoep.replace("<dossier nr=\"9001\"", "<dossier examenvorm=\"praktijk\" nr=\"9001\"")
					.getBytes(StandardCharsets.UTF_8));
		String dossier = testberoep.substring(testberoep.indexOf("<dossier "),
				testberoep.indexOf("</dossier>") + "</dossier>".length());
		MockMultipartFile several = new MockMultipartFile("file", "twee.xml", "text/xml",
				testberoep.replace(dossier, dossier + dossier.replace("nr=\"9001\" titel=\"Testberoep\"",
						"nr=\"9002\" titel=\"Tweede beroep\"")).getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(multipart("/api/admin/dossiers").file(attribute).with(csrf()).with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("XML_UNKNOWN_ATTRIBUTE"))
			.andExpect(jsonPath("$.path").value("/sbb/dossiers/dossier/@examenvorm"));
		this.mvc.perform(multipart("/api/admin/dossiers").file(several).with(csrf()).with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("SEVERAL_DOSSIERS"))
			.andExpect(jsonPath("$.detail", containsString("2 kwalificatiedossiers (\"Testberoep\", \"Tweede beroep\")")));
		this.mvc.perform(multipart("/admin/dossiers/import").file(several).with(csrf()).with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("SEVERAL_DOSSIERS")));
		assertThat(dossierRows()).isEqualTo(before);
	}

	@Test
	void xmlWithAnUnknownElementIsRefusedNamingItsPlaceOnThePageAndInTheApi() throws Exception {
		int before = dossierRows();
		String xml = new String(TestDossiers.testberoepXml(), StandardCharsets.UTF_8).replace("<basiswerkprocessen>",
				"<kerntaakvoorbeelden/><basiswerkprocessen>");
		MockMultipartFile file = new MockMultipartFile("file", "onbekend.xml", "text/xml",
				xml.getBytes(StandardCharsets.UTF_8));
		String path = "/sbb/dossiers/dossier/basis/basistaken/basiskerntaken/kerntaak/kerntaakvoorbeelden";

		this.mvc.perform(multipart("/admin/dossiers/import").file(file).with(csrf()).with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<code id=\"refusal-path\">" + path + "</code>")))
			.andExpect(content().string(containsString("XML_UNKNOWN_ELEMENT")));
		this.mvc.perform(multipart("/api/admin/dossiers").file(file).with(csrf()).with(admin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("XML_UNKNOWN_ELEMENT"))
			.andExpect(jsonPath("$.path").value(path))
			.andExpect(jsonPath("$.detail", containsString("<kerntaakvoorbeelden>")));
		assertThat(dossierRows()).isEqualTo(before);
	}

	@Test
	void reportListsThePartsOfAnXmlExportThatAreNotRead() throws Exception {
		MockMultipartFile xml = new MockMultipartFile("file", "testberoep.xml", "text/xml", TestDossiers.testberoepXml());
		this.mvc.perform(multipart("/admin/dossiers/import").file(xml).with(csrf()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>sbb/dossiers/dossier/voorblad</code>")));
		this.mvc.perform(multipart("/api/admin/dossiers").file(xml).with(csrf()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ignored", hasItem("sbb/domeinen")));
	}

	@Test
	void apiWithoutFileIsA400ProblemDetail() throws Exception {
		this.mvc.perform(multipart("/api/admin/dossiers").with(csrf()).with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("beheerder").roles("TOOL_ADMIN");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor teacher() {
		return user("docent").roles("LTI_LAUNCH");
	}

	private static MockMultipartFile referenceFile() {
		return new MockMultipartFile("file", "ict-en-mediabeheer.txt", "text/plain", DossierSeed.referenceText());
	}

	private static MockMultipartFile textFile(String text) {
		return new MockMultipartFile("file", "dossier.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
	}

	private int dossierRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM dossier").query(Integer.class).single();
	}

}
