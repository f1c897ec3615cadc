package nl.werkproces.lti.registration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.DynamicRegistrationException.Reason;

import org.springframework.stereotype.Component;

/**
 * HTTP to a platform during dynamic registration: reads its OpenID configuration and posts the tool's client
 * registration. Lenient about content types (Moodle labels JSON as it likes), strict about sizes and timeouts.
 */
@Component
class PlatformConfigurationClient {

	private static final int MAX_BODY = 256 * 1024;

	private final HttpClient http;

	private final JsonMapper json;

	private final DynamicRegistrationProperties properties;

	PlatformConfigurationClient(JsonMapper json, DynamicRegistrationProperties properties) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.httpTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.json = json;
		this.properties = properties;
	}

	Map<String, Object> configuration(URI url) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.properties.httpTimeout())
			.header("Accept", "application/json")
			.GET()
			.build();
		Response response = send(request, Reason.CONFIGURATION_UNAVAILABLE);
		if (response.status() != 200) {
			throw new DynamicRegistrationException(Reason.CONFIGURATION_UNAVAILABLE,
					url + " answered HTTP " + response.status());
		}
		return parse(response.body(), Reason.CONFIGURATION_INVALID, "configuration is not a JSON object");
	}

	Map<String, Object> register(URI endpoint, String registrationToken, Map<String, Object> registration) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(this.properties.httpTimeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(registration)));
		if (registrationToken != null && !registrationToken.isBlank()) {
			request.header("Authorization", "Bearer " + registrationToken);
		}
		Response response = send(request.build(), Reason.REGISTRATION_REFUSED);
		if (response.status() < 200 || response.status() > 299) {
			throw new DynamicRegistrationException(Reason.REGISTRATION_REFUSED,
					endpoint + " answered HTTP " + response.status(), platformText(response));
		}
		return parse(response.body(), Reason.REGISTRATION_RESPONSE_INVALID, "registration answer is not a JSON object");
	}

	private Response send(HttpRequest request, Reason failure) {
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				byte[] bytes = body.readNBytes(MAX_BODY + 1);
				if (bytes.length > MAX_BODY) {
					throw new DynamicRegistrationException(failure, "answer larger than " + MAX_BODY + " bytes");
				}
				return new Response(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new DynamicRegistrationException(failure, request.uri() + ": " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DynamicRegistrationException(failure, "interrupted");
		}
	}

	private Map<String, Object> parse(String body, Reason reason, String problem) {
		try {
			Object value = this.json.readValue(body, Object.class);
			if (value instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, Object> object = (Map<String, Object>) map;
				return object;
			}
		}
		catch (JacksonException ex) {
			// reported below
		}
		throw new DynamicRegistrationException(reason, problem);
	}

	/** The platform's own words: an OAuth error description, else the start of its answer. */
	private String platformText(Response response) {
		try {
			if (this.json.readValue(response.body(), Object.class) instanceof Map<?, ?> error) {
				Object description = error.get("error_description");
				Object code = error.get("error");
				if (description != null || code != null) {
					return ((code != null) ? code + ": " : "") + ((description != null) ? description : "");
				}
			}
		}
		catch (JacksonException ex) {
			// not JSON: plain text below
		}
		String text = response.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	private record Response(int status, String body) {

	}

}
