package nl.werkproces.lti.dossier;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.testing.AdminBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dossier import API against a running server: a file over {@code lti.dossiers.max-file-size}, an upload over
 * Spring's multipart limits, and an XML nested 10,000 levels deep are refused with RFC 9457 problem details (413,
 * 413, 422), and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.dossiers.max-file-size=100KB", "spring.servlet.multipart.max-file-size=1MB",
				"spring.servlet.multipart.max-request-size=1MB" })
class DossierImportLimitsTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void fileOverTheDossierLimitIsA413ProblemDetail() throws Exception {
		int before = dossierRows();

		HttpResponse<String> response = upload("groot.txt", filler(150 * 1024), PROBLEM_JSON);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(PROBLEM_JSON);
		assertThat(response.body()).contains("\"reason\":\"TOO_LARGE\"").contains("100 KB");
		assertThat(dossierRows()).isEqualTo(before);
	}

	@Test
	void uploadOverTheMultipartLimitIsA413ProblemDetailForApiClients() throws Exception {
		HttpResponse<String> response = upload("enorm.xml", filler(2 * 1024 * 1024), PROBLEM_JSON);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(PROBLEM_JSON);
		assertThat(response.body()).contains("\"status\":413").contains("\"reason\":\"UPLOAD_TOO_LARGE\"");
	}

	@Test
	void xmlNestedTenThousandLevelsDeepIsA422ProblemDetail() throws Exception {
		int before = dossierRows();
		String deep = "<sbb>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</sbb>";

		HttpResponse<String> response = upload("diep.xml", deep.getBytes(StandardCharsets.UTF_8), PROBLEM_JSON);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(PROBLEM_JSON);
		assertThat(response.body()).contains("\"reason\":\"XML_TOO_DEEP\"");
		assertThat(dossierRows()).isEqualTo(before);
	}

	private HttpResponse<String> upload(String filename, byte[] content, String accept) throws Exception {
		String boundary = "grens" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String credentials = AdminBrowser.USER + ":" + AdminBrowser.PASSWORD;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/dossiers"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", accept)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] filler(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		return bytes;
	}

	private int dossierRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM dossier").query(Integer.class).single();
	}

}
