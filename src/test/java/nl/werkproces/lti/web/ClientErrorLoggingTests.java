package nl.werkproces.lti.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests from anybody are client errors: each gives its 4xx and exactly one WARN line with a reason code,
 * never an ERROR, a stack trace or the value the client sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorLoggingTests {

	private static final String SECRET = "zz-secret-value-4711";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void multipartContentTypeWithAnotherBodyIsOne400AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		// no part in it: a launch form without id_token
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/lti/launch"))
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(HttpRequest.BodyPublishers.ofString("id_token=" + SECRET + "&state=" + SECRET)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertOneWarnLine(output.getAll().substring(before), "[ID_TOKEN_MISSING]");
	}

	@Test
	void multipartWithoutBoundaryOnAnApiIsOne400AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/dossiers"))
			.header("Content-Type", "multipart/form-data")
			.header("Authorization", "Basic YmVoZWVyZGVyOnRlc3Qtb25seS1XYWNodHdvb3JkLTIwMjY=")
			.POST(HttpRequest.BodyPublishers.ofString("file=" + SECRET)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertOneWarnLine(output.getAll().substring(before), "[UPLOAD_MALFORMED]");
	}

	@Test
	void multipartWithoutBoundaryIsOne400AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/lti/login"))
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString("iss=" + SECRET)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertOneWarnLine(output.getAll().substring(before), "[UPLOAD_MALFORMED]");
	}

	@Test
	void wrongMethodIsOne405AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/lti/launch?x=" + SECRET))
			.method("PUT", HttpRequest.BodyPublishers.ofString(SECRET)));
		assertThat(response.statusCode()).isEqualTo(405);
		assertOneWarnLine(output.getAll().substring(before), "[METHOD_NOT_ALLOWED]");
	}

	@Test
	void mistypedPathVariableIsOne400AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/catalog/dossiers/" + SECRET)).GET());
		assertThat(response.statusCode()).isEqualTo(400);
		assertOneWarnLine(output.getAll().substring(before), "[PARAMETER_MALFORMED]");
	}

	@Test
	void mistypedPathVariableOfAPageIsOne400AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/catalog/dossiers/" + SECRET)).header("Accept", "text/html").GET());
		assertThat(response.statusCode()).isEqualTo(400);
		assertOneWarnLine(output.getAll().substring(before), "[PARAMETER_MALFORMED]");
	}

	@Test
	void unknownPathIsOne404AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/css/" + SECRET + ".css")).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertOneWarnLine(output.getAll().substring(before), "[NOT_FOUND]");
	}

	@Test
	void unknownPageOutsideTheActivityIsOne404NotA401AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/bestaat-niet/" + SECRET)).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertOneWarnLine(output.getAll().substring(before), "[NOT_FOUND]");
	}

	@Test
	void wrongContentTypeIsOne415AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/demo/platform/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + SECRET + "\"}")));
		assertThat(response.statusCode()).isEqualTo(415);
		assertOneWarnLine(output.getAll().substring(before), "[MEDIA_TYPE_UNSUPPORTED]");
	}

	@Test
	void pageWithoutALaunchSessionIsOne401AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/app/student"))
			.header("Cookie", "lti_session=" + SECRET)
			.GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertOneWarnLine(output.getAll().substring(before), "[NO_LAUNCH_SESSION]");
	}

	@Test
	void pageWithAnInvalidLinkTokenIsOne401AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/app/student?lsid=" + SECRET)).GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertOneWarnLine(output.getAll().substring(before), "[LINK_TOKEN_INVALID]");
	}

	@Test
	void formWithoutItsCsrfTokenIsOne403AndOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/app/teacher/students/1/finalize"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("text=" + SECRET + "&_csrf=" + SECRET)));
		assertThat(response.statusCode()).isEqualTo(403);
		assertOneWarnLine(output.getAll().substring(before), "[CSRF_TOKEN_INVALID]");
	}

	private static void assertOneWarnLine(String log, String reason) {
		assertThat(Pattern.compile(Pattern.quote(reason)).matcher(log).results().count()).as(log).isOne();
		assertThat(log).as(log).contains(" WARN ").doesNotContain(" ERROR ").doesNotContain("\tat ")
			.doesNotContain("Exception").doesNotContain(SECRET);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
