package nl.werkproces.lti.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tool's public base URL: {@code lti.base-url} when set, else the address of the current request (with
 * {@code X-Forwarded-*} honoured), so that redirect URIs and the {@code target_link_uri} check use the address the
 * platform knows.
 */
@Component
public class ToolUrls {

	private final String configuredBaseUrl;

	ToolUrls(ToolUrlProperties properties) {
		String base = properties.baseUrl();
		this.configuredBaseUrl = StringUtils.hasText(base) ? stripSlash(base.trim()) : null;
	}

	public URI baseUrl(HttpServletRequest request) {
		if (this.configuredBaseUrl != null) {
			return URI.create(this.configuredBaseUrl);
		}
		return URI.create(stripSlash(ServletUriComponentsBuilder.fromContextPath(request)
			.replaceQuery(null)
			.build()
			.toUriString()));
	}

	public String url(HttpServletRequest request, String path) {
		return baseUrl(request) + path;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * @param baseUrl public base URL of the tool (empty: taken from each request)
	 */
	@ConfigurationProperties("lti")
	public record ToolUrlProperties(String baseUrl) {

	}

}
