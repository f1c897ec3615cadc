package nl.werkproces.lti.registration;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registered LTI platform (one Moodle site, identified by issuer and the client id it gave this tool) with
 * its deployments.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti/v1p3/#platform-instance-claim">LTI Core 1.3 §3.1.3</a>
 */
@Table("platform")
public record Platform(@Id Long id, String issuer, String clientId, String name, String authorizationEndpoint,
		String tokenEndpoint, String jwksUri, boolean enabled, PlatformSource source,
		@MappedCollection(idColumn = "platform") Set<Deployment> deployments, Instant createdAt, Instant updatedAt) {

	public Platform {
		deployments = Set.copyOf(deployments);
	}

	public static Platform newRegistration(PlatformSettings settings, PlatformSource source, Instant now) {
		return new Platform(null, settings.issuer(), settings.clientId(), settings.name(),
				settings.authorizationEndpoint(), settings.tokenEndpoint(), settings.jwksUri(), true, source,
				Deployment.of(settings.deploymentIds()), now, now);
	}

	public boolean hasDeployment(String deploymentId) {
		return this.deployments.contains(new Deployment(deploymentId));
	}

	public Set<String> deploymentIds() {
		Set<String> ids = new TreeSet<>();
		this.deployments.forEach((deployment) -> ids.add(deployment.deploymentId()));
		return ids;
	}

	/** The settings as they would be written in the platforms file. */
	public PlatformSettings settings() {
		return new PlatformSettings(this.name, this.issuer, this.clientId, this.authorizationEndpoint,
				this.tokenEndpoint, this.jwksUri, deploymentIds());
	}

	public Platform withSettings(PlatformSettings settings, Instant now) {
		return new Platform(this.id, settings.issuer(), settings.clientId(), settings.name(),
				settings.authorizationEndpoint(), settings.tokenEndpoint(), settings.jwksUri(), this.enabled,
				this.source, Deployment.of(settings.deploymentIds()), this.createdAt, now);
	}

	public Platform withEnabled(boolean enabled, Instant now) {
		return new Platform(this.id, this.issuer, this.clientId, this.name, this.authorizationEndpoint,
				this.tokenEndpoint, this.jwksUri, enabled, this.source, this.deployments, this.createdAt, now);
	}

}
