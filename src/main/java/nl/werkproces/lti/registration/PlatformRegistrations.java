package nl.werkproces.lti.registration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers platforms and finds them for logins and launches (reads come from the in-memory
 * {@link PlatformRegistry}).
 */
@Service
public class PlatformRegistrations {

	private static final Logger log = LoggerFactory.getLogger(PlatformRegistrations.class);

	private final PlatformRepository platforms;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PlatformRegistry registry;

	PlatformRegistrations(PlatformRepository platforms, PlatformRegistry registry, Clock clock,
			ApplicationEventPublisher events) {
		this.platforms = platforms;
		this.registry = registry;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Admin-controlled sources only (the platforms file, the admin form, the demo): creates the registration or
	 * brings an existing one (same issuer and client id) in line with the settings. Registering the same settings
	 * twice changes nothing. Dynamic registration never comes here: it {@linkplain #create creates} or
	 * {@linkplain #reregister re-registers} the one platform an admin chose.
	 * @throws IllegalArgumentException for {@link PlatformSource#DYNAMIC}
	 */
	@Transactional
	public Platform register(PlatformSettings settings, PlatformSource source) {
		if (source == PlatformSource.DYNAMIC) {
			throw new IllegalArgumentException("dynamic registration only creates or re-registers");
		}
		Optional<Platform> existing = this.platforms.findByIssuerAndClientId(settings.issuer(), settings.clientId());
		if (existing.isEmpty()) {
			return create(settings, source);
		}
		Platform platform = existing.get();
		if (platform.settings().equals(settings)) {
			return platform;
		}
		Platform updated = this.platforms.save(platform.withSettings(settings, this.clock.instant()));
		log.info("Updated platform '{}' (issuer {}, client {})", updated.name(), updated.issuer(), updated.clientId());
		this.events.publishEvent(new PlatformsChanged(updated.id()));
		return updated;
	}

	/**
	 * Creates a new registration, never touching an existing one.
	 * @throws DuplicateKeyException when a registration with that issuer and client id exists
	 */
	@Transactional
	public Platform create(PlatformSettings settings, PlatformSource source) {
		if (this.platforms.findByIssuerAndClientId(settings.issuer(), settings.clientId()).isPresent()) {
			throw new DuplicateKeyException("platform " + settings.issuer() + " / " + settings.clientId() + " exists");
		}
		Platform created = this.platforms.save(Platform.newRegistration(settings, source, this.clock.instant()));
		log.info("Registered platform '{}' (issuer {}, client {}, source {})", created.name(), created.issuer(),
				created.clientId(), source);
		this.events.publishEvent(new PlatformsChanged(created.id()));
		return created;
	}

	/**
	 * Re-registers the platform an admin made a re-registration link for: its new name, endpoints and keys, and
	 * its deployments together with the new one. The caller has checked that it is the same platform.
	 */
	@Transactional
	Platform reregister(long id, PlatformSettings settings) {
		Platform platform = this.platforms.findById(id).orElseThrow();
		Set<String> deployments = new TreeSet<>(platform.deploymentIds());
		deployments.addAll(settings.deploymentIds());
		PlatformSettings merged = new PlatformSettings(settings.name(), settings.issuer(), settings.clientId(),
				settings.authorizationEndpoint(), settings.tokenEndpoint(), settings.jwksUri(), deployments);
		Platform updated = this.platforms.save(platform.withSettings(merged, this.clock.instant()));
		log.info("Re-registered platform {} '{}' (issuer {}, client {})", id, updated.name(), updated.issuer(),
				updated.clientId());
		this.events.publishEvent(new PlatformsChanged(id));
		return updated;
	}

	/**
	 * Changes a registration as an admin edited it.
	 * @throws org.springframework.dao.DuplicateKeyException when another registration has that issuer and client id
	 */
	@Transactional
	public Platform update(long id, PlatformSettings settings) {
		Platform platform = this.platforms.findById(id).orElseThrow();
		Platform updated = this.platforms.save(platform.withSettings(settings, this.clock.instant()));
		this.events.publishEvent(new PlatformsChanged(id));
		return updated;
	}

	/**
	 * Finds the registration a login initiation refers to. Without a client id the issuer must have exactly one
	 * registration.
	 */
	public Optional<Platform> find(String issuer, String clientId) {
		return this.registry.find(issuer, clientId);
	}

	public Optional<Platform> findById(long id) {
		return this.registry.findById(id);
	}

	public List<Platform> findAll() {
		return this.registry.all();
	}

	@Transactional
	public Platform setEnabled(long id, boolean enabled) {
		Platform platform = this.platforms.findById(id).orElseThrow();
		Platform saved = this.platforms.save(platform.withEnabled(enabled, this.clock.instant()));
		this.events.publishEvent(new PlatformsChanged(id));
		return saved;
	}

}
