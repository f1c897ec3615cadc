package nl.werkproces.lti.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page says what happened (an unknown address does not exist; it is not "not signed in") and always
 * offers a way back: the start page, and the page the person came from when that was one of the tool's pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPageTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void unknownAddressIsA404ThatSaysThePageDoesNotExistInDutch() {
		HttpResponse<String> response = get("/bestaat-niet", "nl", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Deze pagina bestaat niet.").doesNotContain("niet (meer) aangemeld")
			.contains("id=\"home\"").contains("Naar de startpagina");
	}

	@Test
	void unknownAddressIsA404ThatSaysThePageDoesNotExistInEnglish() {
		HttpResponse<String> response = get("/does/not/exist", "en", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("This page does not exist.").doesNotContain("not signed in")
			.contains("To the werkproces-lti start page");
	}

	@Test
	void unknownCatalogPageOffersTheWayBackToTheToolPageItCameFrom() {
		String from = "http://localhost:" + this.port + "/catalog?q=ict";
		HttpResponse<String> response = get("/catalog/dossiers/999999", "nl", from);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("id=\"back\"").contains("href=\"/catalog?q=ict\"")
			.contains("Terug naar de vorige pagina");
	}

	@Test
	void refererFromAnotherSiteIsNotOfferedAsTheWayBack() {
		HttpResponse<String> response = get("/bestaat-niet", "nl", "https://elders.example/catalog");
		assertThat(response.body()).doesNotContain("id=\"back\"").doesNotContain("elders.example")
			.contains("id=\"home\"");
	}

	@Test
	void activityPageWithoutALaunchIsStillA401ThatPointsToMoodleAndHome() {
		HttpResponse<String> response = get("/app/teacher", "nl", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("niet (meer) aangemeld").contains("vanuit je cursus").contains("id=\"home\"");
	}

	@Test
	void everyPageNamesTheFaviconAndTheClassicAddressLeadsToIt() {
		assertThat(get("/", "nl", null).body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\">");
		assertThat(get("/bestaat-niet", "nl", null).body()).contains("href=\"/img/favicon.svg\"");
		HttpResponse<String> icon = get("/img/favicon.svg", "nl", null);
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		HttpResponse<String> classic = get("/favicon.ico", "nl", null);
		assertThat(classic.statusCode()).isEqualTo(302);
		assertThat(classic.headers().firstValue("Location").orElse("")).endsWith("/img/favicon.svg");
	}

	private HttpResponse<String> get(String path, String language, String referer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", language);
		if (referer != null) {
			request.header("Referer", referer);
		}
		try {
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
