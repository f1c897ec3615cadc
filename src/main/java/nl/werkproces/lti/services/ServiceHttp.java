package nl.werkproces.lti.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * HTTP plumbing shared by the service clients. {@code HttpURLConnection} underneath because it keeps the
 * reason phrase of the status line: Moodle puts its error text there ({@code 400 Incorrect score received}).
 */
final class ServiceHttp {

	static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

	private ServiceHttp() {
	}

	static ClientHttpRequestFactory requestFactory(ServicesProperties properties) {
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(properties.connectTimeout());
		factory.setReadTimeout(properties.readTimeout());
		return factory;
	}

	/** The body as text, at most {@code limit} bytes of it. */
	static String read(InputStream body, int limit) throws IOException {
		if (body == null) {
			return "";
		}
		try (body) {
			return new String(body.readNBytes(limit), StandardCharsets.UTF_8);
		}
	}

	/** A platform's text made safe for a log line or a status column: one line, bounded. */
	static String shorten(String text, int max) {
		if (text == null) {
			return null;
		}
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() > max) ? line.substring(0, max) + "…" : line;
	}

}
