package nl.werkproces.lti.evidence;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.evidence.EvidenceRecords.ActivityFacts;
import nl.werkproces.lti.evidence.HandInReceipts.Receipt;
import nl.werkproces.lti.grading.Grading;
import nl.werkproces.lti.grading.GradingRecords;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.history.GradingVersion;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.Level;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.stereotype.Service;

/**
 * Builds a student's filled-in beoordelingsformulier from the final version of their grading
 * ({@link GradingHistory}): the rubric version it was graded with, the dossier it comes from, the hand-in receipt
 * and the grading's history. A grading that is not final has no form ({@link EvidenceRefusal}).
 */
@Service
class FilledInForms {

	private final GradingRecords gradings;

	private final GradingHistory history;

	private final RubricVersions rubrics;

	private final EvidenceRecords records;

	private final HandInReceipts receipts;

	private final SchoolClock clock;

	private final java.time.Clock now;

	FilledInForms(GradingRecords gradings, GradingHistory history, RubricVersions rubrics, EvidenceRecords records,
			HandInReceipts receipts, SchoolClock clock, java.time.Clock now) {
		this.gradings = gradings;
		this.history = history;
		this.rubrics = rubrics;
		this.records = records;
		this.receipts = receipts;
		this.clock = clock;
		this.now = now;
	}

	/** The form of a student of the activity (its platform); refused when there is no final grading. */
	FilledInForm of(Activity activity, long studentUserId, Locale locale) {
		Grading grading = this.gradings.find(activity.id(), studentUserId)
			.filter((g) -> g.platformId() == activity.platformId())
			.orElseThrow(() -> EvidenceRefusal.noGrading(activity.id(), studentUserId));
		List<GradingVersion> versions = this.history.versionsOf(activity.id(), studentUserId);
		if (!grading.isFinal() || versions.isEmpty()) {
			throw EvidenceRefusal.notFinal(activity.id(), studentUserId);
		}
		StudentName student = this.records.student(activity.platformId(), studentUserId)
			.orElseThrow(() -> EvidenceRefusal.unknownStudent(studentUserId));
		return build(activity, student, versions, locale);
	}

	/** The form, or empty when the student's grading is not final (for archives of many students). */
	Optional<FilledInForm> ifFinal(Activity activity, long studentUserId, Locale locale) {
		try {
			return Optional.of(of(activity, studentUserId, locale));
		}
		catch (EvidenceRefusal refusal) {
			return Optional.empty();
		}
	}

	/** Every final version of the student's grading in the activity, oldest first; empty when never final. */
	List<FilledInForm.HistoryLine> history(Activity activity, long studentUserId, Locale locale) {
		List<GradingVersion> versions = this.history.versionsOf(activity.id(), studentUserId)
			.stream()
			.filter((v) -> v.platformId() == activity.platformId())
			.toList();
		Map<Long, String> names = this.records.names(activity.platformId(), assessors(versions));
		return versions.stream().map((v) -> line(v, names, locale)).toList();
	}

	private FilledInForm build(Activity activity, StudentName student, List<GradingVersion> versions, Locale locale) {
		GradingVersion last = versions.get(versions.size() - 1);
		Rubric rubric = this.rubrics.find(last.rubricVersionId())
			.orElseThrow(() -> new IllegalStateException("rubric " + last.rubricVersionId() + " of a final grading"));
		ActivityFacts facts = this.records.facts(activity);
		Map<Long, String> names = this.records.names(activity.platformId(), assessors(versions));
		FilledInForm.Receipt receipt = this.receipts.find(activity.id(), activity.platformId(), student.id())
			.map((r) -> receipt(r, locale))
			.orElse(null);
		return new FilledInForm(locale.getLanguage(), student.displayName(), facts.title(), activity.werkprocesCode(),
				(facts.werkprocesTitel() != null) ? facts.werkprocesTitel() : rubric.origin().werkprocesTitle(),
				activity.profiel(), facts.dossierTitel(), facts.crebo(), facts.dossierVersie(),
				this.clock.format(facts.dossierImportedAt(), locale), rubric.version().number(),
				rubric.version().isTemplate(), rows(rubric, last), last.overallRemark(), last.points(), last.maximum(),
				last.cesuur(), last.verdict(), cijfer(last.cijfer(), locale), last.knockOut(), activity.gradeMode(),
				names.get(last.assessorUserId()),
				(last.secondAssessorUserId() != null) ? names.get(last.secondAssessorUserId()) : null,
				this.clock.format(last.finalizedAt(), locale), last.versionNo(), last.contentHash(), receipt,
				versions.stream().map((v) -> line(v, names, locale)).toList(),
				this.clock.format(this.now.instant(), locale));
	}

	private static List<FilledInForm.Row> rows(Rubric rubric, GradingVersion version) {
		List<FilledInForm.Row> rows = new ArrayList<>();
		List<Criterion> criteria = rubric.criteria();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion criterion = criteria.get(i);
			Integer score = version.levels().get(criterion.key());
			Optional<Level> level = (score != null) ? criterion.level(score) : Optional.empty();
			String remark = version.remarks().get(criterion.key());
			rows.add(new FilledInForm.Row(i + 1, criterion.text(), criterion.kritisch(), score,
					level.map(Level::label).orElse(null),
					level.map((l) -> rubric.shortDescriptor(criterion, l)).orElse(null),
					(remark != null && !remark.isBlank()) ? remark : null));
		}
		return rows;
	}

	private FilledInForm.Receipt receipt(Receipt receipt, Locale locale) {
		return new FilledInForm.Receipt(this.clock.format(receipt.submittedAt(), locale), receipt.late(),
				receipt.handInCount(), receipt.files()
					.stream()
					.map((f) -> new FilledInForm.ReceiptFile(f.filename(), f.sizeBytes(), f.sha256()))
					.toList());
	}

	private FilledInForm.HistoryLine line(GradingVersion v, Map<Long, String> names, Locale locale) {
		return new FilledInForm.HistoryLine(v.versionNo(), this.clock.format(v.finalizedAt(), locale),
				names.get(v.assessorUserId()),
				(v.secondAssessorUserId() != null) ? names.get(v.secondAssessorUserId()) : null, v.verdict(),
				cijfer(v.cijfer(), locale), v.points(), v.maximum(), delivery(v));
	}

	/** Whether the version's grade reached the gradebook, as the grading screen's history says it. */
	static String delivery(GradingVersion version) {
		if (version.outboxId() == null) {
			return "NONE";
		}
		if (version.reachedPlatform()) {
			return "DELIVERED";
		}
		return switch (String.valueOf(version.deliveryState())) {
			case "FAILED" -> "FAILED";
			case "SUPERSEDED" -> "SUPERSEDED";
			default -> "WAITING";
		};
	}

	private static Set<Long> assessors(List<GradingVersion> versions) {
		Set<Long> ids = new LinkedHashSet<>();
		for (GradingVersion v : versions) {
			ids.add(v.assessorUserId());
			if (v.secondAssessorUserId() != null) {
				ids.add(v.secondAssessorUserId());
			}
		}
		return ids;
	}

	/** One decimal, with the language's decimal sign: 6,8 in Dutch, 6.8 in English. */
	static String cijfer(BigDecimal cijfer, Locale locale) {
		if (cijfer == null) {
			return null;
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(cijfer);
	}

}
