package nl.werkproces.lti.evidence;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.GradeDeliveryWorker;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The ZIP of an activity's filled-in forms over real HTTP: one tagged PDF per final grading, safe names. */
@PlatformServicesTest
class FilledInFormsZipTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LaunchSessions sessions;

	@Autowired
	RubricVersions rubricVersions;

	@Autowired
	MutableClock clock;

	@Autowired
	GradeDeliveryWorker worker;

	TeacherFixture moodle;

	Session teacher;

	GradedClass graded;

	@BeforeEach
	void launchTeacher() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.graded = new GradedClass(this.moodle, this.jdbc, this.rubricVersions);
	}

	@AfterEach
	void stopPlatform() {
		this.worker.deliverDue();
		this.moodle.close();
	}

	@Test
	void zipHoldsOnePdfPerFinalGradingNamedByFamilyAndGivenName() {
		long sukru = this.graded.student("50", FilledInFormTests.NAME, "Şükrü", "Yılmaz");
		long kim = this.graded.student("51", "Kim Ander", "Kim", "Ander");
		long sam = this.graded.student("52", "Sam Student", "Sam", "Student");
		this.graded.finalize(this.teacher, sukru, 2, FilledInFormTests.CYRILLIC, null);
		this.graded.finalize(this.teacher, kim, 3, null, null);
		this.teacher.post("/app/teacher/students/" + sam + "/draft", this.graded.form(2, null, null));
		assertThat(this.teacher.get("/app/teacher").body()).contains("Alle ingevulde beoordelingsformulieren (ZIP)");

		HttpResponse<byte[]> response = this.teacher.browser().getBytes("/app/teacher/beoordelingsformulieren.zip");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("beoordelingsformulieren_B1-K2-W2_" + this.moodle.activityId() + ".zip");
		Map<String, byte[]> entries = EvidenceTestSupport.entries(response.body());
		assertThat(entries.keySet()).as("final gradings only, accents dropped, other letters kept")
			.containsExactlyInAnyOrder("Yılmaz_Sukru_" + sukru + ".pdf", "Ander_Kim_" + kim + ".pdf");
		byte[] sukrusPdf = entries.get("Yılmaz_Sukru_" + sukru + ".pdf");
		EvidenceTestSupport.assertTagged(sukrusPdf, "nl");
		assertThat(EvidenceTestSupport.text(sukrusPdf)).contains(FilledInFormTests.NAME, FilledInFormTests.CYRILLIC)
			.doesNotContain("Kim Ander");
		assertThat(EvidenceTestSupport.text(entries.get("Ander_Kim_" + kim + ".pdf"))).contains("Kim Ander", "goed");
	}

	@Test
	void activityWithoutAnyFinalGradingGivesAMessageInsteadOfAnEmptyZip() {
		long sam = this.graded.student("53", "Sam Student", "Sam", "Student");
		this.teacher.post("/app/teacher/students/" + sam + "/draft", this.graded.form(2, null, null));
		this.teacher.browser().header("Accept", "text/html");
		HttpResponse<String> response = this.teacher.get("/app/teacher/beoordelingsformulieren.zip");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("Nog geen enkele beoordeling van deze activiteit is definitief");
	}

}
