package nl.werkproces.lti.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory registry follows registrations written by another replica (simulated by writing the tables
 * directly): a new one is found at its first lookup, a change is seen after the periodic refresh.
 */
@SpringBootTest(properties = "lti.platform-registry.miss-reload-interval=0s")
class PlatformRegistryTests {

	@Autowired
	PlatformRegistry registry;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void platformRegisteredByAnotherReplicaIsFoundAtItsFirstLogin() {
		String issuer = "https://moodle-" + UUID.randomUUID() + ".example.nl";
		long id = insertElsewhere(issuer);
		assertThat(this.registry.find(issuer, "client")).get()
			.satisfies((platform) -> assertThat(platform.hasDeployment("7")).isTrue());
		assertThat(this.registry.find(issuer, null)).get().extracting(Platform::id).isEqualTo(id);
		assertThat(this.registry.findById(id)).isPresent();
	}

	@Test
	void platformDisabledByAnotherReplicaIsDisabledHereAfterTheRefresh() {
		String issuer = "https://moodle-" + UUID.randomUUID() + ".example.nl";
		long id = insertElsewhere(issuer);
		assertThat(this.registry.findById(id)).get().extracting(Platform::enabled).isEqualTo(true);
		this.jdbc.sql("UPDATE platform SET enabled = FALSE WHERE id = ?").param(id).update();
		this.registry.refresh();
		assertThat(this.registry.findById(id)).get().extracting(Platform::enabled).isEqualTo(false);
	}

	@Test
	void changeOnThisReplicaIsSeenAtOnce() {
		String issuer = "https://moodle-" + UUID.randomUUID() + ".example.nl";
		Platform created = this.registrations.register(new PlatformSettings("School", issuer, "c1", issuer + "/auth",
				issuer + "/token", issuer + "/certs", java.util.Set.of("1")), PlatformSource.ADMIN);
		this.registrations.setEnabled(created.id(), false);
		assertThat(this.registrations.findById(created.id())).get().extracting(Platform::enabled).isEqualTo(false);
	}

	@Test
	void unknownIssuerIsNotFound() {
		assertThat(this.registry.find("https://unknown.example.nl", "client")).isEmpty();
		assertThat(this.registry.findById(-1)).isEmpty();
	}

	private long insertElsewhere(String issuer) {
		Timestamp now = Timestamp.from(Instant.now());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO platform (issuer, client_id, name, authorization_endpoint, token_endpoint, jwks_uri, "
				+ "enabled, source, created_at, updated_at) VALUES (?, 'client', 'Moodle', ?, ?, ?, TRUE, 'ADMIN', ?, ?)")
			.params(issuer, issuer + "/auth", issuer + "/token", issuer + "/certs", now, now)
			.update(key, "id");
		long id = key.getKey().longValue();
		this.jdbc.sql("INSERT INTO deployment (platform, deployment_id) VALUES (?, '7')").param(id).update();
		return id;
	}

}
