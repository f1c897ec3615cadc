package nl.werkproces.lti.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSettings;
import nl.werkproces.lti.registration.PlatformSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Deep-linked activities bind to their resource link on first launch, per platform; copies get their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivitiesTests {

	@Autowired
	Activities activities;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	JdbcClient jdbc;

	private final ActivitySetup setup = new ActivitySetup(1, "B1-K2-W2", "Netwerk- en mediabeheerder",
			GradeMode.CIJFER, Instant.parse("2027-01-15T23:00:00Z"), "Lever ook je testplan in.");

	@Test
	void firstLaunchBindsTheDeepLinkedActivity() {
		long platform = platform();
		String key = this.activities.createPending(platform, this.setup, null);
		long link = resourceLink(platform);
		Activity bound = this.activities.bind(platform, link, key).orElseThrow();
		assertThat(bound.werkprocesCode()).isEqualTo("B1-K2-W2");
		assertThat(bound.resourceLinkId()).isEqualTo(link);
		assertThat(bound.instructions()).isEqualTo("Lever ook je testplan in.");
		assertThat(this.activities.bind(platform, link, null)).contains(bound);
	}

	@Test
	void copiedResourceLinkGetsItsOwnCopy() {
		long platform = platform();
		String key = this.activities.createPending(platform, this.setup, null);
		Activity first = this.activities.bind(platform, resourceLink(platform), key).orElseThrow();
		Activity copy = this.activities.bind(platform, resourceLink(platform), key).orElseThrow();
		assertThat(copy.id()).isNotEqualTo(first.id());
		assertThat(copy.werkprocesCode()).isEqualTo(first.werkprocesCode());
	}

	@Test
	void setupKeyOfAnotherPlatformDoesNotBind() {
		long school = platform();
		long otherSchool = platform();
		String key = this.activities.createPending(school, this.setup, null);
		assertThat(this.activities.bind(otherSchool, resourceLink(otherSchool), key)).isEmpty();
	}

	@Test
	void newContentChosenForTheMoodleActivityRebindsWhileNothingIsHandedIn() {
		long platform = platform();
		long link = resourceLink(platform);
		Activity old = this.activities.bind(platform, link, this.activities.createPending(platform, this.setup, null))
			.orElseThrow();
		String newKey = this.activities.createPending(platform, otherWerkproces(), null);

		Activity rebound = this.activities.bind(platform, link, newKey).orElseThrow();

		assertThat(rebound.id()).isNotEqualTo(old.id());
		assertThat(rebound.werkprocesCode()).isEqualTo("B1-K1-W1");
		assertThat(rebound.resourceLinkId()).isEqualTo(link);
		assertThat(this.activities.newerSetupKept(rebound, newKey)).isEmpty();
		assertThat(this.activities.bind(platform, link, old.setupKey())).as("a tab opened before the change")
			.contains(rebound);
	}

	@Test
	void newContentChosenAfterAHandInKeepsTheOldBindingAndSaysWhichContentWasNotTaken() {
		long platform = platform();
		long link = resourceLink(platform);
		Activity old = this.activities.bind(platform, link, this.activities.createPending(platform, this.setup, null))
			.orElseThrow();
		handIn(old);
		String newKey = this.activities.createPending(platform, otherWerkproces(), null);

		assertThat(this.activities.bind(platform, link, newKey)).contains(old);
		assertThat(this.activities.newerSetupKept(old, newKey)).get()
			.extracting(Activity::werkprocesCode)
			.isEqualTo("B1-K1-W1");
		assertThat(this.activities.newerSetupKept(old, old.setupKey())).isEmpty();
	}

	private ActivitySetup otherWerkproces() {
		return new ActivitySetup(1, "B1-K1-W1", "Netwerk- en mediabeheerder", GradeMode.POINTS, null, null);
	}

	private void handIn(Activity activity) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("INSERT INTO lti_user (platform_id, subject, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(activity.platformId(), "student-" + activity.id(), "Sam", now, now)
			.update();
		long user = this.jdbc.sql("SELECT id FROM lti_user WHERE platform_id = ? AND subject = ?")
			.params(activity.platformId(), "student-" + activity.id())
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO submission (activity_id, platform_id, user_id, text_content, hand_in_count, submitted_at, late,
				    created_at, updated_at)
				VALUES (?, ?, ?, 'Mijn werk', 1, ?, FALSE, ?, ?)""")
			.params(activity.id(), activity.platformId(), user, now, now, now)
			.update();
	}

	@Test
	void handMadeActivityIsSetUpOnce() {
		long platform = platform();
		long link = resourceLink(platform);
		assertThat(this.activities.forResourceLink(platform, link)).isEmpty();
		Activity created = this.activities.createFor(platform, link, this.setup, null);
		assertThat(this.activities.forResourceLink(platform, link)).contains(created);
	}

	private long platform() {
		String issuer = "https://moodle-" + UUID.randomUUID() + ".example.nl";
		return this.registrations
			.register(new PlatformSettings("School", issuer, "client", issuer + "/auth", issuer + "/token",
					issuer + "/jwks", Set.of("1")), PlatformSource.ADMIN)
			.id();
	}

	private long resourceLink(long platform) {
		String key = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("INSERT INTO resource_link (platform_id, link_key, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(platform, key, "Activiteit", now, now)
			.update();
		return this.jdbc.sql("SELECT id FROM resource_link WHERE platform_id = ? AND link_key = ?")
			.params(platform, key)
			.query(Long.class)
			.single();
	}

}
