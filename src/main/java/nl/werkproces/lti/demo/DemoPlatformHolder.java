package nl.werkproces.lti.demo;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates and registers the demo platform once the server's port is known: its endpoints live on this server,
 * at {@code lti.demo.platform-base-url}, else {@code lti.base-url} or {@code http://localhost:<port>}.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoPlatformHolder {

	private static final Logger log = LoggerFactory.getLogger(DemoPlatformHolder.class);

	private final PlatformRegistrations registrations;

	private final ToolUrls.ToolUrlProperties urls;

	private final Clock clock;

	private volatile DemoPlatform platform;

	private final DemoProperties properties;

	DemoPlatformHolder(PlatformRegistrations registrations, ToolUrls.ToolUrlProperties urls, Clock clock,
			DemoProperties properties) {
		this.properties = properties;
		this.registrations = registrations;
		this.urls = urls;
		this.clock = clock;
	}

	@EventListener
	void onServerStarted(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		Environment environment = event.getApplicationContext().getEnvironment();
		boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
				&& (environment.containsProperty("server.ssl.key-store")
						|| environment.containsProperty("server.ssl.bundle"));
		String base = StringUtils.hasText(this.urls.baseUrl()) ? this.urls.baseUrl().replaceAll("/+$", "")
				: (tls ? "https" : "http") + "://localhost:" + event.getWebServer().getPort();
		String platformBase = StringUtils.hasText(this.properties.platformBaseUrl())
				? this.properties.platformBaseUrl().trim().replaceAll("/+$", "") : base;
		DemoPlatform demo = new DemoPlatform(platformBase, base, this.clock);
		demo.register(this.registrations);
		this.platform = demo;
		log.info("Demo platform ready: open {}/demo to launch as student or teacher", platformBase);
	}

	DemoPlatform platform() {
		DemoPlatform current = this.platform;
		if (current == null) {
			// the connector accepts requests a moment before the server-started event has registered the demo
			log.warn("Demo requested before the demo platform was ready [DEMO_STARTING]: answered 503");
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The demo platform is still starting");
		}
		return current;
	}

}
