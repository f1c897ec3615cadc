package nl.werkproces.lti.grading;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.grading.TeacherFixture.Session;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.CriterionKind;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricScale;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.testing.MutableClock;
import nl.werkproces.lti.testing.PlatformServicesTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page over real HTTP: the rubric as one form saved in one action, the second assessor saved apart
 * from it, and a rubric form with problems shown again with every typed value, errors naming criteria by number and
 * text, and nothing stored.
 */
@PlatformServicesTest
class RubricSettingsTests {

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

	TeacherFixture moodle;

	Session teacher;

	long activityId;

	@BeforeEach
	void launchTeacher() {
		this.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		this.moodle = new TeacherFixture("http://localhost:" + this.port, this.registrations, this.activities,
				this.catalog, this.jdbc, this.sessions, GradeMode.CIJFER);
		this.teacher = this.moodle.launch(this.moodle.teacher());
		this.activityId = this.moodle.activityId();
	}

	@AfterEach
	void stopPlatform() {
		this.moodle.close();
	}

	@Test
	void aRubricFormWithProblemsKeepsEveryTypedValueNamesTheCriteriaAndStoresNothing() {
		Rubric before = rubric();
		List<Criterion> c = before.criteria();
		Map<String, String> form = wholeForm(before);
		form.put("text." + c.get(0).key(), "Werkt ordelijk en systematisch volgens plan.");
		form.put("text." + c.get(1).key(), "   ");
		form.put("text." + c.get(2).key(), "Lang ".repeat(201));
		form.put("kritisch." + c.get(3).key(), "on");
		form.put("remove." + c.get(4).key(), "on");
		form.put("position." + c.get(5).key(), "2");
		form.put("position." + c.get(6).key(), "99");
		form.put("newRows", "2");
		form.put("newText.0", "Documenteert de configuratie volledig");
		form.put("newKind.0", "PRODUCT");
		form.put("newKritisch.0", "on");
		form.put("newPosition.0", "3");
		form.put("newText.1", "");
		form.put("scale", "OVG");

		HttpResponse<String> refused = this.teacher.post("/app/teacher/settings/rubric", form);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(rubric().id()).as("nothing stored").isEqualTo(before.id());
		assertThat(versionCount()).isZero();
		String page = refused.body();
		String errors = page.substring(page.indexOf("id=\"error\""), page.indexOf("</ul>", page.indexOf("id=\"error\"")));
		assertThat(errors)
			.contains("De tekst van criterium 2 (“" + quoted(c.get(1).text()) + "”) is leeg.")
			.contains("De tekst van criterium 3 (“Lang Lang")
			.contains("is te lang: 1.004 tekens, maximaal 1.000.")
			.contains("De positie van criterium 7 (“" + quoted(c.get(6).text()) + "”) moet een getal van 1 tot en met 11 zijn.")
			.contains("href=\"#criterion-2-text\"")
			.doesNotContain("gedrag-")
			.doesNotContain("resultaat-");
		assertThat(page).contains(">Werkt ordelijk en systematisch volgens plan.</textarea>")
			.contains("Lang Lang Lang")
			.contains(">Documenteert de configuratie volledig</textarea>")
			.contains("name=\"newKind.0\"><option value=\"PROCESS\">proces</option><option value=\"PRODUCT\" selected=\"selected\">")
			.contains("name=\"newKritisch.0\" aria-describedby=\"kritisch-hint\" checked=\"checked\"")
			.contains("name=\"newPosition.0\" value=\"3\"")
			.contains("name=\"kritisch." + c.get(3).key() + "\" aria-describedby=\"kritisch-hint\" checked=\"checked\"")
			.contains("name=\"remove." + c.get(4).key() + "\" checked=\"checked\"")
			.contains("name=\"position." + c.get(5).key() + "\" value=\"2\"")
			.contains("name=\"position." + c.get(6).key() + "\" value=\"99\"")
			.contains("<option value=\"OVG\" selected=\"selected\">")
			.contains("id=\"criterion-2-text\" name=\"text." + c.get(1).key() + "\" rows=\"2\" aria-invalid=\"true\"");
	}

	@Test
	void theWholeRubricIsSavedInOneActionAsOneNewVersion() {
		Rubric before = rubric();
		List<Criterion> c = before.criteria();
		this.teacher.post("/app/teacher/settings/second-assessor", Map.of("secondAssessor", "on"));
		Map<String, String> form = wholeForm(before);
		form.put("text." + c.get(0).key(), "Werkt ordelijk en systematisch.");
		form.put("kritisch." + c.get(1).key(), "on");
		form.put("remove." + c.get(2).key(), "on");
		form.put("position." + c.get(8).key(), "1");
		form.put("newRows", "2");
		form.put("newText.0", "Documenteert de configuratie volledig");
		form.put("newKind.0", "PRODUCT");
		form.put("newPosition.0", "2");
		form.put("newText.1", "Overlegt tijdig met de opdrachtgever");
		form.put("newKind.1", "PROCESS");
		form.put("newKritisch.1", "on");
		form.put("scale", "OVG");

		HttpResponse<String> saved = this.teacher.post("/app/teacher/settings/rubric", form);

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/app/teacher/settings?saved=rubric");
		assertThat(versionCount()).isOne();
		Rubric after = rubric();
		assertThat(after.version().number()).isEqualTo(2);
		assertThat(after.scale()).isEqualTo(RubricScale.OVG);
		assertThat(after.criteria()).extracting(Criterion::text)
			.containsExactly(c.get(8).text(), "Werkt ordelijk en systematisch.", "Documenteert de configuratie volledig",
					c.get(1).text(), c.get(3).text(), c.get(4).text(), c.get(5).text(), c.get(6).text(),
					c.get(7).text(), "Overlegt tijdig met de opdrachtgever");
		assertThat(after.criteria().get(2).kind()).isEqualTo(CriterionKind.PRODUCT);
		assertThat(after.criteria().get(3).kritisch()).isTrue();
		assertThat(after.criteria().get(9).kritisch()).isTrue();
		assertThat(this.teacher.get("/app/teacher/settings?saved=rubric").body()).contains("De rubric is opgeslagen.")
			.contains("id=\"second-assessor\" aria-describedby=\"second-assessor-hint\" checked=\"checked\"");
	}

	@Test
	void savingTheSecondAssessorLeavesTheRubricAloneAndTheOtherWayRound() {
		Rubric before = rubric();
		assertThat(this.teacher.post("/app/teacher/settings/second-assessor", Map.of("secondAssessor", "on"))
			.statusCode()).isEqualTo(302);
		assertThat(versionCount()).isZero();
		assertThat(this.teacher.get("/app/teacher/settings?saved=assessor").body())
			.contains("De instelling voor de tweede beoordelaar is opgeslagen.")
			.contains("id=\"second-assessor\" aria-describedby=\"second-assessor-hint\" checked=\"checked\"");

		Map<String, String> form = wholeForm(before);
		form.put("text." + before.criteria().get(0).key(), "Werkt ordelijk en systematisch.");
		assertThat(this.teacher.post("/app/teacher/settings/rubric", form).statusCode()).isEqualTo(302);
		assertThat(secondAssessorRequired()).as("the rubric form has no second assessor field").isTrue();
		assertThat(this.teacher.post("/app/teacher/settings/second-assessor", Map.of()).statusCode()).isEqualTo(302);
		assertThat(secondAssessorRequired()).isFalse();
		assertThat(versionCount()).isOne();
	}

	@Test
	void aFormOpenedBeforeAColleagueSavedTheRubricIsRefusedWithoutOverwritingTheColleaguesVersion() {
		Rubric opened = rubric();
		Map<String, String> colleague = wholeForm(opened);
		colleague.put("base", opened.id().toString());
		colleague.put("kritisch." + opened.criteria().get(0).key(), "on");
		assertThat(this.teacher.post("/app/teacher/settings/rubric", colleague).statusCode()).isEqualTo(302);
		Map<String, String> stale = wholeForm(opened);
		stale.put("base", opened.id().toString());
		stale.put("text." + opened.criteria().get(1).key(), "Werkt ordelijk en systematisch.");

		HttpResponse<String> refused = this.teacher.post("/app/teacher/settings/rubric", stale);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Een collega heeft de rubric intussen opgeslagen (nu versie 2)")
			.contains(">Werkt ordelijk en systematisch.</textarea>");
		assertThat(versionCount()).isOne();
		assertThat(rubric().criteria().get(0).kritisch()).isTrue();
	}

	@Test
	void anotherEmptyCriterionCanBeAddedWithoutSavingOrLosingWhatWasTyped() {
		Map<String, String> form = wholeForm(rubric());
		form.put("newRows", "1");
		form.put("newText.0", "Documenteert de configuratie volledig");
		form.put("addRow", "1");

		HttpResponse<String> page = this.teacher.post("/app/teacher/settings/rubric", form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(">Documenteert de configuratie volledig</textarea>")
			.contains("name=\"newText.1\"")
			.contains("name=\"newRows\" value=\"2\"");
		assertThat(versionCount()).isZero();
	}

	@Test
	void theSettingsPageExplainsKritischAndOvgAndErrorsAreInEnglishOnEnglishLaunches() {
		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());
		String page = english.get("/app/teacher/settings").body();
		assertThat(page).contains("O/V/G stands for onvoldoende (O, insufficient)")
			.contains("Critical: a score below sufficient")
			.contains("Text of the criterion")
			.contains("Remove this criterion");
		Rubric rubric = rubric();
		Map<String, String> form = wholeForm(rubric);
		form.put("text." + rubric.criteria().get(0).key(), "");
		String refused = english.post("/app/teacher/settings/rubric", form).body();
		assertThat(refused).contains("The text of criterion 1 (“" + quoted(rubric.criteria().get(0).text()) + "”) is empty.")
			.contains("The rubric has not been saved.");
	}

	@Test
	void studentsAndRequestsWithoutCsrfTokenCannotChangeSettings() {
		Session student = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		Map<String, String> form = wholeForm(rubric());
		form.put("text." + rubric().criteria().get(0).key(), "Door een student veranderd");
		assertThat(student.post("/app/teacher/settings/rubric", form).statusCode()).isEqualTo(403);
		assertThat(student.post("/app/teacher/settings/second-assessor", Map.of("secondAssessor", "on")).statusCode())
			.isEqualTo(403);
		assertThat(this.teacher.browser().post("/app/teacher/settings/rubric", form).statusCode())
			.as("no CSRF token").isEqualTo(403);
		assertThat(this.teacher.browser().post("/app/teacher/settings/second-assessor", Map.of("secondAssessor", "on"))
			.statusCode()).isEqualTo(403);
		assertThat(versionCount()).isZero();
		assertThat(secondAssessorRequired()).isFalse();
	}

	@Test
	void shortLevelDescriptorsAreShownInTheLaunchLanguageOnStudentGradingAndSettingsPages() {
		Session sam = this.moodle.launch(this.moodle.student("4", "Sam Student"));
		long samId = this.moodle.userId("4");
		this.moodle.handIn(this.activityId, samId, "Mijn werkproces: het netwerk is geïnstalleerd.", false);
		Session samInEnglish = this.moodle.launch(this.moodle.student("4", "Sam Student").inEnglish());
		Session english = this.moodle.launch(this.moodle.teacher().inEnglish());
		for (String page : List.of(sam.get("/app/student").body(), this.teacher.get("/app/teacher/settings").body(),
				this.teacher.get("/app/teacher/students/" + samId).body())) {
			assertThat(page).contains("Gedeeltelijk of alleen met sturing").contains("Zoals beschreven")
				.contains("Volledig zoals beschreven, zelfstandig gerealiseerd en goed onderbouwd")
				.doesNotContain("Zoals beschreven: ")
				.doesNotContain("Partly or only with guidance");
		}
		for (String page : List.of(samInEnglish.get("/app/student").body(), english.get("/app/teacher/settings").body(),
				english.get("/app/teacher/students/" + samId).body())) {
			assertThat(page).contains("Partly or only with guidance").contains("As described")
				.contains("Fully as described, realised independently and well-founded")
				.doesNotContain("Gedeeltelijk of alleen met sturing")
				.doesNotContain("Zoals beschreven");
		}
	}

	/** The rubric form as the page sends it unchanged. */
	private static Map<String, String> wholeForm(Rubric rubric) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("scale", rubric.scale().name());
		for (int i = 0; i < rubric.criteria().size(); i++) {
			Criterion criterion = rubric.criteria().get(i);
			form.put("text." + criterion.key(), criterion.text());
			form.put("position." + criterion.key(), String.valueOf(i + 1));
			if (criterion.kritisch()) {
				form.put("kritisch." + criterion.key(), "on");
			}
		}
		return form;
	}

	private static String quoted(String text) {
		String compact = text.strip().replaceAll("\\s+", " ");
		return (compact.length() > 60) ? compact.substring(0, 59).strip() + "\u2026" : compact;
	}

	private long versionCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM rubric_version WHERE resource_link_id = ?")
			.param(resourceLink())
			.query(Long.class)
			.single();
	}

	private boolean secondAssessorRequired() {
		return this.jdbc.sql("SELECT second_assessor_required FROM activity WHERE id = ?")
			.param(this.activityId)
			.query(Boolean.class)
			.single();
	}

	private long resourceLink() {
		return this.jdbc.sql("SELECT resource_link_id FROM activity WHERE id = ?")
			.param(this.activityId)
			.query(Long.class)
			.single();
	}

	private Rubric rubric() {
		return this.rubricVersions.latestFor(resourceLink())
			.orElseGet(() -> this.rubricVersions.template(this.jdbc.sql("SELECT dossier_id FROM activity WHERE id = ?")
				.param(this.activityId)
				.query(Long.class)
				.single(), "B1-K2-W2", TeacherFixture.PROFIEL));
	}

}
