package nl.werkproces.lti.grading;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierImportReport;
import nl.werkproces.lti.dossier.DossierImports;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.testing.AdminBrowser;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One clock: a moment after 23:00 UTC (already the next day in Amsterdam) reads the same on the student's page and
 * receipt, the roster, the grading screen, the admin pages and the catalog, in Dutch and in English (the demo
 * gradebook: {@code DemoServicesTests}).
 */
@PlatformServicesTest
class OneClockTests {

	static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-02T23:43:00Z");

	static final String DUTCH = "3 december 2026 00:43 (Midden-Europese tijd)";

	static final String ENGLISH = "3 December 2026 00:43 (Central European Time)";

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	DossierImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	MutableClock clock;

	TeacherFixture moodle;

	@BeforeEach
	void platform() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void handInAfterElevenPmUtcShowsTheSameAmsterdamTimeToStudentAndTeacher() {
		Session teacher = this.moodle.launch(this.moodle.teacher());
		Session student = this.moodle.launch(this.moodle.student("clock-1", "Cas Klok"));
		long userId = this.moodle.userId("clock-1");
		this.moodle.handIn(this.moodle.activityId(), userId, "Mijn verslag", false, LATE_EVENING_UTC);

		assertThat(student.get("/app/student").body()).contains(DUTCH);
		assertThat(student.get("/app/student/receipt").body()).contains(DUTCH);
		assertThat(teacher.get("/app/teacher").body()).contains("ingeleverd op " + DUTCH)
			.doesNotContain("02-12-2026").doesNotContain("22:43").doesNotContain("23:43");
		assertThat(teacher.get("/app/teacher/students/" + userId).body()).contains("ingeleverd op " + DUTCH);

		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());
		assertThat(english.get("/app/teacher").body()).contains(ENGLISH);
		assertThat(english.get("/app/teacher/students/" + userId).body()).contains(ENGLISH);
	}

	@Test
	void dossierImportedAfterElevenPmUtcShowsTheSameTimeInCatalogAndAdminPages() throws Exception {
		// content of its own, so that a copy another test imported earlier into the same database is not found
		String text = Files.readString(Path.of("src/test/resources/dossiers/sbb-xml/2755-dienstverlening.xml"),
				StandardCharsets.UTF_8);
		assertThat(text).contains("De beroepsbeoefenaar kan werkzaam zijn");
		byte[] xml = text.replaceFirst("De beroepsbeoefenaar kan werkzaam zijn",
				"De beroepsbeoefenaar (OneClockTests " + System.nanoTime() + ") kan werkzaam zijn")
			.getBytes(StandardCharsets.UTF_8);
		this.clock.set(LATE_EVENING_UTC);
		DossierImportReport report;
		try {
			report = this.imports.importFile("2755-dienstverlening.xml", xml, AdminBrowser.USER);
		}
		finally {
			this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		}
		assertThat(this.catalog.get(report.dossierId()).importedAt()).isEqualTo(LATE_EVENING_UTC);
		AdminBrowser admin = AdminBrowser.signIn("http://localhost:" + this.port);

		assertThat(admin.get("/catalog/dossiers/" + report.dossierId()).body()).contains(DUTCH).doesNotContain("UTC");
		assertThat(admin.get("/catalog").body()).contains(DUTCH);
		assertThat(admin.get("/admin/activity").body()).contains(DUTCH);
		assertThat(admin.get("/admin/audit").body()).contains(DUTCH);
		assertThat(admin.get("/catalog/dossiers/" + report.dossierId() + "?lang=en").body()).contains(ENGLISH);
		// other test contexts on the same MariaDB database see the seed dossier alone
		this.jdbc.sql("DELETE FROM dossier WHERE id = ?").param(report.dossierId()).update();
	}

}
