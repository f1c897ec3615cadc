package nl.werkproces.lti.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every platform registration held in memory, so that logins and launches find their platform without a
 * database round trip (and never hold more than the one connection the load itself takes).
 * <p>
 * The snapshot is rebuilt after a registration changed on this replica (after commit), every
 * {@code lti.platform-registry.refresh-interval} for changes made by other replicas, and (rate-limited) when a lookup
 * misses, so a platform registered on another replica can launch at once.
 */
@Component
public class PlatformRegistry {

	private static final Logger log = LoggerFactory.getLogger(PlatformRegistry.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final ApplicationEventPublisher events;

	private final long minMissReloadNanos;

	private final Object reloadLock = new Object();

	private volatile Snapshot snapshot;

	private volatile long lastMissReload;

	PlatformRegistry(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			RegistryProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		// joins a caller's transaction (its connection) rather than taking a second connection
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		this.minMissReloadNanos = properties.missReloadInterval().toNanos();
		this.lastMissReload = System.nanoTime() - this.minMissReloadNanos;
	}

	/**
	 * The registration a login initiation refers to. Without a client id the issuer must have exactly one
	 * registration.
	 */
	public Optional<Platform> find(String issuer, String clientId) {
		Optional<Platform> found = current().find(issuer, clientId);
		if (found.isEmpty() && reloadAfterMiss()) {
			found = current().find(issuer, clientId);
		}
		return found;
	}

	public Optional<Platform> findById(long id) {
		Platform platform = current().byId.get(id);
		if (platform == null && reloadAfterMiss()) {
			platform = current().byId.get(id);
		}
		return Optional.ofNullable(platform);
	}

	/** Every registration, enabled or not, in id order. */
	public List<Platform> all() {
		return List.copyOf(current().byId.values());
	}

	/** Rebuilds the snapshot after a registration was created or changed on this replica. */
	@TransactionalEventListener(fallbackExecution = true)
	void onPlatformsChanged(PlatformsChanged changed) {
		refresh();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		reload();
	}

	/** Reloads; when the database cannot be read the last snapshot stays (a WARN line says so). */
	@Scheduled(initialDelayString = "${lti.platform-registry.refresh-interval:15s}",
			fixedDelayString = "${lti.platform-registry.refresh-interval:15s}")
	void refresh() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			log.warn("Platform registrations not reloaded [REGISTRY_RELOAD_FAILED]: {}", ex.getClass().getSimpleName());
		}
	}

	/** Reads every registration in one read-only transaction and replaces the snapshot. */
	public void reload() {
		synchronized (this.reloadLock) {
			Snapshot loaded = this.readOnly.execute((status) -> load());
			Snapshot previous = this.snapshot;
			this.snapshot = loaded;
			if (previous != null && !previous.byId.equals(loaded.byId)) {
				this.events.publishEvent(new PlatformRegistryReloaded());
			}
		}
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null) {
			synchronized (this.reloadLock) {
				if (this.snapshot == null) {
					this.snapshot = this.readOnly.execute((status) -> load());
				}
				current = this.snapshot;
			}
		}
		return current;
	}

	private boolean reloadAfterMiss() {
		long now = System.nanoTime();
		long last = this.lastMissReload;
		if (now - last < this.minMissReloadNanos) {
			return false;
		}
		synchronized (this.reloadLock) {
			if (this.lastMissReload != last) {
				return true;
			}
			this.lastMissReload = now;
		}
		try {
			reload();
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Platform registrations not reloaded after a miss [REGISTRY_RELOAD_FAILED]: {}",
					ex.getClass().getSimpleName());
			return false;
		}
	}

	private Snapshot load() {
		Map<Long, Set<Deployment>> deployments = new HashMap<>();
		this.jdbc.sql("SELECT platform, deployment_id FROM deployment")
			.query((rs) -> {
				deployments.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>()).add(new Deployment(rs.getString(2)));
			});
		List<Platform> platforms = this.jdbc.sql("""
				SELECT id, issuer, client_id, name, authorization_endpoint, token_endpoint, jwks_uri, enabled, source,
				       created_at, updated_at
				FROM platform ORDER BY id""")
			.query((rs, row) -> new Platform(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
					PlatformSource.valueOf(rs.getString(9)), deployments.getOrDefault(rs.getLong(1), Set.of()),
					rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant()))
			.list();
		return new Snapshot(platforms);
	}

	/** Published when a reload found registrations that differ from the previous snapshot. */
	public record PlatformRegistryReloaded() {

	}

	private static final class Snapshot {

		private final Map<Long, Platform> byId = new LinkedHashMap<>();

		private final Map<String, List<Platform>> byIssuer = new HashMap<>();

		Snapshot(List<Platform> platforms) {
			for (Platform platform : platforms) {
				this.byId.put(platform.id(), platform);
				this.byIssuer.computeIfAbsent(platform.issuer(), (issuer) -> new ArrayList<>()).add(platform);
			}
		}

		Optional<Platform> find(String issuer, String clientId) {
			List<Platform> candidates = this.byIssuer.getOrDefault(issuer, List.of());
			if (clientId != null && !clientId.isBlank()) {
				return candidates.stream().filter((platform) -> platform.clientId().equals(clientId)).findFirst();
			}
			return (candidates.size() == 1) ? Optional.of(candidates.get(0)) : Optional.empty();
		}

	}

}
