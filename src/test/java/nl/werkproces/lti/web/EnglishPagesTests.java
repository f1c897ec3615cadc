package nl.werkproces.lti.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English pages have no Dutch interface words: the tool's own texts (not the dossier's content, which is Dutch)
 * of the catalog, the admin pages and the error page, with level labels translated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnglishPagesTests {

	/** Dutch interface words; matched in the page's markup outside the dossier's own text. */
	private static final Pattern DUTCH = Pattern.compile(
			">\\s*(?:Terug|Opslaan|Wijzigen|Bron|Geïmporteerd|hoogstens|maximaal|het systeem|tekst \\(uit de pdf van SBB\\)"
					+ "|niet aangetoond|onvoldoende|voldoende|goed|criterium|Foutcode|Deze pagina bestaat niet\\.)\\s*<");

	@LocalServerPort
	int port;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void catalogPagesInEnglishShowNoDutchInterfaceWordsAndTranslatedLevelLabels() {
		ToolBrowser browser = new ToolBrowser(base());
		String catalog = browser.get("/catalog?lang=en").body();
		assertNoDutch("/catalog", catalog);
		// every dossier of the catalog (other test classes may have imported more into a shared database); the
		// reference dossier, imported from SBB's PDF text, names its source in English
		List<String> dossiers = Pattern.compile("href=\"(/catalog/dossiers/\\d+)\"")
			.matcher(catalog)
			.results()
			.map((link) -> link.group(1))
			.distinct()
			.toList();
		assertThat(dossiers).isNotEmpty();
		String dossierPage = null;
		for (String link : dossiers) {
			String page = browser.get(link + "?lang=en").body();
			if (page.contains("text (from SBB&#39;s PDF)")) {
				assertNoDutch(link, page);
				dossierPage = page;
			}
		}
		assertThat(dossierPage).as("the reference dossier's page").isNotNull().doesNotContain(">system<");
		Matcher werkproces = Pattern.compile("href=\"(/catalog/dossiers/\\d+/werkprocessen/[^\"?#]+)[\"?#]").matcher(dossierPage);
		assertThat(werkproces.find()).isTrue();
		String werkprocesPage = browser.get(werkproces.group(1) + "?lang=en").body();
		assertNoDutch(werkproces.group(1), werkprocesPage);
		assertThat(werkprocesPage).contains(">sufficient<").contains(">not shown<");
	}

	@Test
	void adminAndErrorPagesInEnglishShowNoDutchInterfaceWords() {
		AdminBrowser admin = AdminBrowser.signIn(base());
		for (String page : List.of("/admin?lang=en", "/admin/activity?lang=en", "/admin/audit?lang=en",
				"/admin/platforms/new?lang=en", "/admin/keys?lang=en", "/admin/registrations?lang=en",
				"/admin/grades?lang=en", "/admin/dossiers/import?lang=en", "/bestaat-niet?lang=en")) {
			assertNoDutch(page, admin.get(page).body());
		}
	}

	private static void assertNoDutch(String page, String html) {
		Matcher dutch = DUTCH.matcher(html);
		List<String> found = dutch.results().map((r) -> r.group().replaceAll("[<>\\s]+", " ").trim()).toList();
		assertThat(found).as("Dutch interface words on English page " + page).isEmpty();
	}

}
