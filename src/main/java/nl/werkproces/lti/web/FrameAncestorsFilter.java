package nl.werkproces.lti.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformsChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Content-Security-Policy: frame-ancestors} with the tool itself and the origins of the enabled
 * platforms (issuer and authorization endpoint), and only those. The list is re-read every 30 seconds.
 */
@Component
public class FrameAncestorsFilter extends OncePerRequestFilter {

	private static final Duration REFRESH = Duration.ofSeconds(30);

	private final PlatformRegistrations registrations;

	private final Clock clock;

	private volatile String policy;

	private volatile Instant readAt = Instant.MIN;

	FrameAncestorsFilter(PlatformRegistrations registrations, Clock clock) {
		this.registrations = registrations;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", policy());
		chain.doFilter(request, response);
	}

	/** Forgets the cached policy after a platform was added, changed, enabled or disabled. */
	@EventListener(PlatformsChanged.class)
	public void refresh() {
		this.readAt = Instant.MIN;
	}

	private String policy() {
		Instant now = this.clock.instant();
		if (this.policy == null || this.readAt.plus(REFRESH).isBefore(now)) {
			Set<String> origins = new LinkedHashSet<>();
			for (Platform platform : this.registrations.findAll()) {
				if (platform.enabled()) {
					addOrigin(origins, platform.issuer());
					addOrigin(origins, platform.authorizationEndpoint());
				}
			}
			StringBuilder value = new StringBuilder("frame-ancestors 'self'");
			origins.forEach((origin) -> value.append(' ').append(origin));
			this.policy = value.toString();
			this.readAt = now;
		}
		return this.policy;
	}

	private static void addOrigin(Set<String> origins, String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() != null && uri.getHost() != null && !uri.getHost().contains(";")) {
				origins.add(uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : ""));
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URL: nothing to allow
		}
	}

}
