package nl.werkproces.lti.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Matches requests that arrived on Actuator's own port ({@code management.server.port}), so that
 * {@code /actuator/prometheus} is served there and refused on the tool's public port. When Actuator shares the
 * tool's port (no management port configured) nothing matches: the metrics are then not served at all.
 */
@Component
class ManagementPortRequests implements ApplicationListener<WebServerInitializedEvent>, RequestMatcher {

	private volatile int managementPort = -1;

	private volatile int serverPort = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		int port = event.getWebServer().getPort();
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			this.managementPort = port;
		}
		else {
			this.serverPort = port;
		}
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		int port = this.managementPort;
		return port > 0 && port != this.serverPort && request.getLocalPort() == port;
	}

}
