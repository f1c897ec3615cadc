package nl.werkproces.lti.rubric;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.dossier.DossierNotFoundException;
import nl.werkproces.lti.dossier.DossierVersion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RubricVersions} and {@link DossierRubrics} on the seeded reference dossier: templates derived from the
 * catalog and stored once, teacher versions per activity that leave the template as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RubricVersionsTests {

	static final String NETWERK = "Netwerk- en mediabeheerder";

	@Autowired
	RubricVersions versions;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	long dossierId;

	@BeforeEach
	void findReferenceDossier() {
		this.dossierId = this.catalog.all()
			.stream()
			.filter((version) -> "system".equals(version.importedBy()))
			.mapToLong(DossierVersion::id)
			.min()
			.orElseThrow();
	}

	@Test
	void workedExampleFromTheParsedDossierHasNineCriteriaMaximum27Cesuur18() {
		Rubric rubric = this.versions.template(this.dossierId, "B1-K2-W2", NETWERK);
		assertThat(rubric.criteria()).hasSize(9);
		assertThat(rubric.maximum()).isEqualTo(27);
		assertThat(rubric.cesuur()).isEqualTo(18);
		assertThat(rubric.criteria()).filteredOn(Criterion::aanvullend).hasSize(3);
		assertThat(rubric.criteria()).filteredOn(Criterion::kritisch).extracting(Criterion::key)
			.containsExactly("resultaat-1", "aanvullend-resultaat-1");
		assertThat(rubric.origin().dossierTitle()).isEqualTo("ICT- en mediabeheer");
		assertThat(rubric.origin().dossierVersion()).startsWith("bron ");
		assertThat(rubric.origin().werkprocesLabel()).isEqualTo("B1-K2-W2 (Netwerk- en mediabeheerder)");
		assertThat(rubric.competenties()).contains("Vakdeskundigheid toepassen", "Instructies en procedures opvolgen");
		RubricScore score = RubricScoring.score(rubric, TestRubrics.levels(rubric, 2, 3, 2, 2, 1, 2, 2, 3, 2));
		assertThat(score.points()).isEqualTo(19);
		assertThat(score.verdict()).isEqualTo(Verdict.VOLDOENDE);
		assertThat(score.cijfer()).isEqualByComparingTo(new BigDecimal("6.0"));
	}

	@Test
	void werkprocesKnownByTitleOnlyGivesRubricWithoutCriteria() {
		Rubric rubric = this.versions.template(this.dossierId, "P1-K1-W1", null);
		assertThat(rubric.criteria()).isEmpty();
		assertThat(rubric.origin().profiel()).isEqualTo("ICT-beheerder");
		assertThat(rubric.origin().werkprocesTitle()).isEqualTo("Behandelt en handelt incidentmeldingen af");
	}

	@Test
	void templateIsStoredOnceAndReadBackUnchanged() {
		Rubric first = this.versions.template(this.dossierId, "B1-K1-W1", NETWERK);
		Rubric second = this.versions.template(this.dossierId, "b1-k1-w1", "netwerk- en mediabeheerder");
		assertThat(second).isEqualTo(first);
		assertThat(this.versions.find(first.id())).contains(first);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM rubric_version WHERE id = ?")
			.param(first.id().toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void teacherChangeIsANewVersionOfTheActivityAndTheTemplateStaysAsItWas() {
		Rubric template = this.versions.template(this.dossierId, "B1-K2-W2", NETWERK);
		RubricOwner owner = activity();
		assertThat(this.versions.latestFor(owner.resourceLinkId())).isEmpty();

		Rubric second = new RubricEditor().apply(template,
				RubricChanges.create().remove("gedrag-3").setKritisch("gedrag-4", true));
		this.versions.save(second, owner);
		Rubric third = new RubricEditor().apply(second, RubricChanges.create().editText("gedrag-1", "Plant goed."));
		this.versions.save(third, owner);

		Rubric latest = this.versions.latestFor(owner.resourceLinkId()).orElseThrow();
		assertThat(latest).isEqualTo(third);
		assertThat(latest.version().number()).isEqualTo(3);
		assertThat(latest.criteria()).hasSize(8);
		assertThat(latest.templateId()).isEqualTo(template.id());
		assertThat(this.versions.find(second.id())).contains(second);
		assertThat(this.versions.template(this.dossierId, "B1-K2-W2", NETWERK)).isEqualTo(template);
		assertThat(this.versions.latestFor(activity().resourceLinkId())).isEmpty();
	}

	@Test
	void versionIsRefusedForAnActivityOfAnotherPlatformOrFromAnotherActivity() {
		Rubric template = this.versions.template(this.dossierId, "B1-K3-W1", NETWERK);
		Rubric edited = new RubricEditor().apply(template, RubricChanges.create().remove("gedrag-1"));
		RubricOwner owner = activity();
		RubricOwner otherPlatform = new RubricOwner(activity().platformId(), owner.resourceLinkId(), "mallory");
		assertThatIllegalArgumentException().isThrownBy(() -> this.versions.save(edited, otherPlatform))
			.withMessageContaining("does not belong to platform");
		assertThatIllegalArgumentException().isThrownBy(() -> this.versions.save(template, owner))
			.withMessageContaining("Templates are derived");

		this.versions.save(edited, owner);
		Rubric fromOtherActivity = new RubricEditor().apply(edited, RubricChanges.create().remove("gedrag-2"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.versions.save(fromOtherActivity, activity()))
			.withMessageContaining("neither its template nor a version of");
	}

	@Test
	void unknownDossierWerkprocesOrProfielIsNotFound() {
		assertThatExceptionOfType(DossierNotFoundException.class)
			.isThrownBy(() -> this.versions.template(Long.MAX_VALUE, "B1-K2-W2", null))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DossierNotFoundException.Reason.DOSSIER));
		assertThatExceptionOfType(DossierNotFoundException.class)
			.isThrownBy(() -> this.versions.template(this.dossierId, "B9-K9-W9", null))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DossierNotFoundException.Reason.WERKPROCES));
		assertThatExceptionOfType(DossierNotFoundException.class)
			.isThrownBy(() -> this.versions.template(this.dossierId, "B1-K2-W2", "Kok"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DossierNotFoundException.Reason.PROFIEL));
		assertThatExceptionOfType(DossierNotFoundException.class)
			.isThrownBy(() -> this.versions.template(this.dossierId, "P1-K1-W1", NETWERK))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DossierNotFoundException.Reason.PROFIEL));
	}

	/** A new platform with one resource link (an activity). */
	private RubricOwner activity() {
		Timestamp now = Timestamp.from(Instant.now());
		String issuer = "https://moodle-" + UUID.randomUUID() + ".example.nl";
		GeneratedKeyHolder platform = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO platform (issuer, client_id, name, authorization_endpoint, token_endpoint, jwks_uri, "
				+ "enabled, source, created_at, updated_at) VALUES (?, 'client', 'Moodle', ?, ?, ?, TRUE, 'ADMIN', ?, ?)")
			.params(issuer, issuer + "/auth", issuer + "/token", issuer + "/certs", now, now)
			.update(platform, "id");
		long platformId = platform.getKey().longValue();
		GeneratedKeyHolder link = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO resource_link (platform_id, link_key, title, created_at, updated_at) "
				+ "VALUES (?, ?, 'Werkproces B1-K2-W2', ?, ?)")
			.params(platformId, UUID.randomUUID().toString(), now, now)
			.update(link, "id");
		return new RubricOwner(platformId, link.getKey().longValue(), "Jeroen Bakker");
	}

}
