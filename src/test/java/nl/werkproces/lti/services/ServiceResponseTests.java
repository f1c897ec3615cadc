package nl.werkproces.lti.services;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the platform said, taken from Moodle's odd answers ({@code moodle-captures/services}). */
class ServiceResponseTests {

	@Test
	void moodlesErrorTextInTheReasonPhraseIsThePlatformMessage() {
		ServiceResponse response = new ServiceResponse(400,
				"Incorrect score received{\"userId\":\"5\",\"scoreGiven\":1,\"scoreMaximum\":10}", new HttpHeaders(), "[]");
		assertThat(response.platformMessage()).isEqualTo("Incorrect score received");
	}

	@Test
	void jsonReasonIsUsedWhenTheReasonPhraseIsStandard() {
		ServiceResponse response = new ServiceResponse(400, "Bad Request", new HttpHeaders(),
				"{\"status\": 400, \"reason\": \"No handler found for /2/lineitems/2/lineitem/scores application/json\"}");
		assertThat(response.platformMessage())
			.isEqualTo("No handler found for /2/lineitems/2/lineitem/scores application/json");
	}

	@Test
	void emptyArrayBodyWithStandardReasonSaysWhatTheStatusSays() {
		assertThat(new ServiceResponse(409, "Conflict", new HttpHeaders(), "[]").platformMessage()).isEqualTo("Conflict");
	}

	@Test
	void reasonPhraseOfARealHttp10StatusLineReachesTheTool() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread moodle = new Thread(() -> answerOnce(server,
					"HTTP/1.0 400 Incorrect score received{\"userId\":\"5\"}\r\nContent-Type: application/vnd.ims.lis.v1.score+json; "
							+ "charset=utf-8\r\nConnection: close\r\n\r\n[]"));
			moodle.start();
			RestClient http = RestClient.builder().requestFactory(ServiceHttp.requestFactory(properties())).build();
			String reason = http.post()
				.uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/scores"))
				.body("{}")
				.exchange((request, response) -> response.getStatusText(), true);
			moodle.join();
			assertThat(new ServiceResponse(400, reason, new HttpHeaders(), "[]").platformMessage())
				.isEqualTo("Incorrect score received");
		}
	}

	private static void answerOnce(ServerSocket server, String answer) {
		try (Socket socket = server.accept()) {
			byte[] buffer = new byte[8192];
			socket.getInputStream().read(buffer);
			OutputStream out = socket.getOutputStream();
			out.write(answer.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ServicesProperties properties() {
		return new ServicesProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofMinutes(5), Duration.ofSeconds(60), 10);
	}

}
