package nl.werkproces.lti.services;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.registration.Platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Authorized requests to a platform's services: a bearer token from {@link PlatformAccessTokens} for the scopes;
 * when the platform answers 401 the token is evicted and the request sent once more with a fresh one. Any status
 * comes back as a {@link ServiceResponse}; only a missing answer (connection refused, timeout) or a failing token
 * endpoint throws {@link PlatformServiceException}.
 */
@Component
public class PlatformServiceRequests {

	private static final Logger log = LoggerFactory.getLogger(PlatformServiceRequests.class);

	private final PlatformAccessTokens tokens;

	private final RestClient http;

	PlatformServiceRequests(PlatformAccessTokens tokens, ServicesProperties properties) {
		this.tokens = tokens;
		this.http = RestClient.builder().requestFactory(ServiceHttp.requestFactory(properties)).build();
	}

	public ServiceResponse get(Platform platform, Set<String> scopes, String url, String accept) {
		return send(platform, scopes, HttpMethod.GET, url, accept, null, null);
	}

	public ServiceResponse post(Platform platform, Set<String> scopes, String url, String contentType,
			String accept, String body) {
		return send(platform, scopes, HttpMethod.POST, url, accept, contentType, body);
	}

	private ServiceResponse send(Platform platform, Set<String> scopes, HttpMethod method, String url, String accept,
			String contentType, String body) {
		AccessToken token = this.tokens.token(platform, scopes);
		ServiceResponse response = exchange(platform, token, method, url, accept, contentType, body);
		if (response.status() == 401) {
			this.tokens.evict(platform, token);
			response = exchange(platform, this.tokens.token(platform, scopes), method, url, accept, contentType,
					body);
		}
		return response;
	}

	private ServiceResponse exchange(Platform platform, AccessToken token, HttpMethod method, String url,
			String accept, String contentType, String body) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new PlatformServiceException(ServiceFailure.INVALID_RESPONSE, "not a URL: " + url);
		}
		try {
			RestClient.RequestBodySpec request = this.http.method(method)
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
				.header(HttpHeaders.ACCEPT, accept);
			if (body != null) {
				request.contentType(MediaType.parseMediaType(contentType)).body(body);
			}
			return request.exchange((req, res) -> new ServiceResponse(res.getStatusCode().value(),
					res.getStatusText(), HttpHeaders.copyOf(res.getHeaders()),
					ServiceHttp.read(res.getBody(), ServiceHttp.MAX_BODY_BYTES)), true);
		}
		catch (ResourceAccessException ex) {
			String reason = (ex.getCause() instanceof java.net.SocketTimeoutException) ? "no answer in time"
					: "cannot reach the service (" + causeName(ex) + ")";
			log.warn("Platform '{}': {} {} failed: {}", platform.name(), method, uri.getPath(), reason);
			throw new PlatformServiceException(ServiceFailure.UNAVAILABLE, reason);
		}
	}

	private static String causeName(Exception ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return (cause instanceof IOException) ? cause.getClass().getSimpleName() : cause.toString();
	}

}
