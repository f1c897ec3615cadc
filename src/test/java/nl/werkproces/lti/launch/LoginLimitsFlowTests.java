package nl.werkproces.lti.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;
import nl.werkproces.lti.testing.ToolBrowser.LoginRedirect;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login initiation stores a login for anybody who asks, so what it stores is bounded: per client address (each
 * request here comes from its own loopback address, 127.0.0.x, over a real socket) and for all addresses
 * together. Beyond a bound the answer is a 429 page with Retry-After, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.launch.logins-per-address=5",
				"lti.launch.login-rate-window=10m", "lti.launch.max-pending-logins=60" })
class LoginLimitsFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	PlatformSimulator platform;

	Platform registered;

	@BeforeEach
	void registerPlatform() {
		this.platform = PlatformSimulator.start();
		this.registered = this.registrations.register(this.platform.settings(), PlatformSource.ADMIN);
		this.jdbc.sql("DELETE FROM login_state").update();
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void addressBeyondItsRateGets429WithRetryAfterAndNothingStored() {
		for (int i = 0; i < 5; i++) {
			assertThat(login("127.0.0.11").status()).isEqualTo(302);
		}
		long stored = loginStates();
		Answer refused = login("127.0.0.11");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("600");
		assertThat(refused.body()).contains("<code id=\"reason\">LOGIN_RATE_LIMITED</code>")
			.contains("Vanaf dit adres zijn in korte tijd te veel aanmeldingen gestart.");
		assertThat(login("127.0.0.11").status()).isEqualTo(429);
		assertThat(loginStates()).isEqualTo(stored);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM rejected_launch WHERE reason = 'LOGIN_RATE_LIMITED'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void launchesFromManyAddressesAreNotLimitedByEachOther() {
		for (int i = 0; i < 40; i++) {
			assertThat(login("127.0.1." + (i + 1)).status()).as("address %d", i).isEqualTo(302);
		}
		// and a whole launch still works from an address of its own
		ToolBrowser browser = new ToolBrowser("http://localhost:" + this.port);
		LoginRedirect login = browser.initiateLogin(this.platform);
		String idToken = this.platform
			.sign(TestLaunches.resourceLink(this.platform, browser.toolBaseUrl()).claims(login.nonce()));
		assertThat(browser.launch(idToken, login.state()).statusCode()).isEqualTo(303);
	}

	@Test
	void toolWithTooManyPendingLoginsGets429AndStoresNoMore() {
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp later = Timestamp.from(Instant.now().plusSeconds(600));
		for (int i = 0; i < 60; i++) {
			this.jdbc.sql("""
					INSERT INTO login_state (state, nonce, platform_id, browser_hash, target_link_uri, login_hint,
					                         created_at, expires_at)
					VALUES (?, ?, ?, 'h', 'https://tool/lti/launch', '4', ?, ?)""")
				.params("s" + i, "n" + i, this.registered.id(), now, later)
				.update();
		}
		Answer refused = login("127.0.2.1");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.body()).contains("<code id=\"reason\">LOGINS_PENDING_LIMIT</code>");
		assertThat(loginStates()).isEqualTo(60);
	}

	private long loginStates() {
		return this.jdbc.sql("SELECT COUNT(*) FROM login_state").query(Long.class).single();
	}

	/** Moodle's login initiation POST, sent from the given loopback address over a plain socket. */
	private Answer login(String fromAddress) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("iss", this.platform.issuer());
		form.put("target_link_uri", "http://localhost:" + this.port + "/lti/launch");
		form.put("login_hint", "4");
		form.put("client_id", PlatformSimulator.CLIENT_ID);
		form.put("lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID);
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String request = "POST /lti/login HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept-Language: nl\r\nConnection: close\r\n"
				+ "Content-Length: " + bytes.length + "\r\n\r\n" + body;
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(fromAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return new Answer(answer.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Answer(String raw) {

		int status() {
			return Integer.parseInt(this.raw.substring(9, 12));
		}

		String header(String name) {
			for (String line : this.raw.substring(0, this.raw.indexOf("\r\n\r\n")).split("\r\n")) {
				if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
					return line.substring(name.length() + 1).strip();
				}
			}
			return null;
		}

		String body() {
			return this.raw.substring(this.raw.indexOf("\r\n\r\n") + 4);
		}

	}

}
