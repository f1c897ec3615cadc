package nl.werkproces.lti.web;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformRegistry;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code Content-Security-Policy} of every response. Framing ({@code frame-ancestors}) and form targets
 * ({@code form-action}: the Deep Linking response and the demo's auto-posts go to platforms) are limited to the tool
 * itself and the origins of the enabled platforms (issuer and authorization endpoint); everything else loads from the
 * tool only ({@code default-src 'self'}: no inline script or style, no {@code javascript:} URLs), with no plugins
 * ({@code object-src 'none'}) and no {@code <base>} ({@code base-uri 'none'}).
 * <p>
 * The platforms' origins are kept in memory, taken from the in-memory {@link PlatformRegistry} at start-up, whenever
 * it reloaded changed registrations and every 30 seconds. A request never waits for the database; when it cannot
 * be read the last known list stays.
 *
 * @see <a href="https://www.w3.org/TR/CSP3/">Content Security Policy Level 3</a>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class FrameAncestorsFilter extends OncePerRequestFilter implements SmartInitializingSingleton {

	static final String HEADER = "Content-Security-Policy";

	private static final Logger log = LoggerFactory.getLogger(FrameAncestorsFilter.class);

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");

	private final PlatformRegistrations registrations;

	/** Longest shared policy with every platform's origins; beyond it only launch pages name a platform. */
	static final int MAX_SHARED_POLICY_LENGTH = 4096;

	private volatile String policy = policy(Set.of());

	private volatile Map<Long, String> policyPerPlatform = Map.of();

	FrameAncestorsFilter(PlatformRegistrations registrations) {
		this.registrations = registrations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, this.policy);
		chain.doFilter(request, response);
	}

	/**
	 * Lets the tool and {@code origin} (and no platform) frame this response: the registration page, shown in a
	 * dialog of a platform that is not registered yet. Other directives stay; an origin that is not a plain
	 * {@code scheme://host[:port]} changes nothing.
	 */
	public static void allowFramingOnlyBy(HttpServletResponse response, String origin) {
		String current = response.getHeader(HEADER);
		String url = origin(origin);
		if (current != null && url != null && url.equals(origin)) {
			StringBuilder policy = new StringBuilder();
			for (String directive : current.split(";")) {
				String trimmed = directive.trim();
				if (!trimmed.isEmpty()) {
					policy.append((policy.length() > 0) ? "; " : "")
						.append(trimmed.startsWith("frame-ancestors") ? "frame-ancestors 'self' " + url : trimmed);
				}
			}
			response.setHeader(HEADER, policy.toString());
		}
	}

	/**
	 * Lets this response's forms post to {@code origin} as well (the demo platform's auto-posts to the tool when the
	 * two are addressed under different host names). An origin that is not a plain {@code scheme://host[:port]}
	 * changes nothing.
	 */
	public static void allowFormsTo(HttpServletResponse response, String origin) {
		addSource(response, "form-action", origin);
	}

	/** Lets this response embed frames of {@code origin} as well (the demo course page embedding the tool). */
	public static void allowFramesOf(HttpServletResponse response, String origin) {
		addSource(response, "frame-src", origin);
	}

	private static void addSource(HttpServletResponse response, String name, String origin) {
		String current = response.getHeader(HEADER);
		String url = origin(origin);
		if (current == null || url == null || !url.equals(origin)) {
			return;
		}
		StringBuilder policy = new StringBuilder();
		boolean found = false;
		for (String directive : current.split(";")) {
			String trimmed = directive.trim();
			if (!trimmed.isEmpty()) {
				boolean match = trimmed.equals(name) || trimmed.startsWith(name + " ");
				found |= match;
				policy.append((policy.length() > 0) ? "; " : "").append(match ? trimmed + " " + url : trimmed);
			}
		}
		if (!found) {
			policy.append("; ").append(name).append(" 'self' ").append(url);
		}
		response.setHeader(HEADER, policy.toString());
	}

	@Override
	public void afterSingletonsInstantiated() {
		refresh();
	}

	/** Reads the platforms again after the registry saw a registration added, changed, enabled or disabled. */
	@EventListener(PlatformRegistry.PlatformRegistryReloaded.class)
	public void platformsChanged() {
		refresh();
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
	void refreshPeriodically() {
		refresh();
	}

	private void refresh() {
		try {
			Set<String> origins = new LinkedHashSet<>();
			Map<Long, String> perPlatform = new HashMap<>();
			for (Platform platform : this.registrations.findAll()) {
				if (platform.enabled()) {
					Set<String> own = new LinkedHashSet<>();
					addOrigin(own, platform.issuer());
					addOrigin(own, platform.authorizationEndpoint());
					origins.addAll(own);
					perPlatform.put(platform.id(), policy(own));
				}
			}
			this.policyPerPlatform = Map.copyOf(perPlatform);
			String all = policy(origins);
			if (all.length() > MAX_SHARED_POLICY_LENGTH) {
				// a header this long breaks proxies and servers (8 KB header buffers); pages of a launch name their
				// own platform, the rest are framed by the tool itself only
				if (this.policy.length() <= MAX_SHARED_POLICY_LENGTH && !this.policy.equals(policy(Set.of()))) {
					log.info("{} platform origins are too many for one Content-Security-Policy; pages outside a launch "
							+ "may be framed by the tool itself only", origins.size());
				}
				all = policy(Set.of());
			}
			this.policy = all;
		}
		catch (RuntimeException ex) {
			log.warn("Platforms not read for the Content-Security-Policy, keeping the last known list "
					+ "[reason=database-unavailable, cause={}]", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Narrows the response's policy to the tool and this platform: pages of a launch session are framed by, and post
	 * forms to, their own platform only (another school's Moodle cannot frame them), whatever the number of schools.
	 */
	public void allowOnlyPlatform(HttpServletResponse response, long platformId) {
		String own = this.policyPerPlatform.get(platformId);
		if (own != null && !response.isCommitted()) {
			response.setHeader(HEADER, own);
		}
	}

	static String policy(Set<String> platformOrigins) {
		String platforms = platformOrigins.stream().map((origin) -> " " + origin).reduce("", String::concat);
		return "frame-ancestors 'self'" + platforms + "; default-src 'self'; object-src 'none'; base-uri 'none'; "
				+ "form-action 'self'" + platforms;
	}

	private static void addOrigin(Set<String> origins, String url) {
		String origin = origin(url);
		if (origin != null) {
			origins.add(origin);
		}
	}

	private static String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& HOST.matcher(uri.getHost()).matches()) {
				return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
			}
		}
		catch (RuntimeException ex) {
			// not a URL: nothing to allow
		}
		return null;
	}

}
