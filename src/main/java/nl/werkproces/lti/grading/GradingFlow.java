package nl.werkproces.lti.grading;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.delivery.Grade;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.delivery.GradeTarget;
import nl.werkproces.lti.grading.GradingException.Reason;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.rubric.GradebookFeedback;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricScore;
import nl.werkproces.lti.rubric.RubricScoring;
import nl.werkproces.lti.rubric.RubricVersions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of grading one student: draft (locks the hand-in), finalize (all levels chosen), confirm by a second
 * assessor when the activity asks for one, reopen. A grading becomes final in one transaction with its grade in
 * the {@link GradeOutbox}. The server scores; what the page shows while choosing is only a preview.
 */
@Service
public class GradingFlow {

	private final GradingRecords records;

	private final ActivityRubrics rubrics;

	private final RubricVersions versions;

	private final AssessmentSettings settings;

	private final GradeOutbox outbox;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final GradingHistory history;

	GradingFlow(GradingRecords records, ActivityRubrics rubrics, RubricVersions versions, AssessmentSettings settings,
			GradeOutbox outbox, JdbcClient jdbc, Clock clock, GradingHistory history) {
		this.history = history;
		this.records = records;
		this.rubrics = rubrics;
		this.versions = versions;
		this.settings = settings;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The rubric a grading uses: the version it was started with, or the activity's current one. */
	public Rubric rubricFor(Activity activity, Optional<Grading> grading) {
		return grading.flatMap((g) -> this.versions.find(g.rubricVersionId()))
			.orElseGet(() -> this.rubrics.current(activity));
	}

	@Transactional
	public Grading saveDraft(LaunchSession teacher, Activity activity, long studentUserId, GradingInput input) {
		Grading grading = findOrStart(teacher, activity, studentUserId);
		if (!grading.isEditable()) {
			throw new GradingException(Reason.NOT_EDITABLE);
		}
		Rubric rubric = rubricFor(activity, Optional.of(grading));
		RubricScore score = scoreIfComplete(rubric, input);
		this.records.update(grading.id(), GradingStatus.DRAFT, input.levels(), input.remarks(), input.overallRemark(),
				score, teacher.user().id(), null, null, grading.outboxId());
		return reload(grading);
	}

	@Transactional
	public Grading finalize(LaunchSession teacher, Activity activity, long studentUserId, GradingInput input) {
		// before findOrStart's insert: its foreign key would take a shared lock on the activity first (deadlock)
		this.history.lockChain(activity.id());
		Grading grading = findOrStart(teacher, activity, studentUserId);
		if (!grading.isEditable()) {
			throw new GradingException(Reason.NOT_EDITABLE);
		}
		Rubric rubric = rubricFor(activity, Optional.of(grading));
		RubricScore score = requireComplete(rubric, input);
		if (this.settings.secondAssessorRequired(activity.id())) {
			this.records.update(grading.id(), GradingStatus.AWAITING_CONFIRMATION, input.levels(), input.remarks(),
					input.overallRemark(), score, teacher.user().id(), null, null, grading.outboxId());
			return reload(grading);
		}
		Long outboxId = enqueue(teacher, activity, rubric, studentUserId, score, input);
		this.records.update(grading.id(), GradingStatus.FINAL, input.levels(), input.remarks(), input.overallRemark(),
				score, teacher.user().id(), null, this.clock.instant(), outboxId);
		return recordVersion(reload(grading));
	}

	/** A different instructor confirms (possibly with adjusted levels): the grading becomes final. */
	@Transactional
	public Grading confirm(LaunchSession teacher, Activity activity, long studentUserId, GradingInput input) {
		// as in finalize: two assessors confirming at once queue here, so only one sees "awaiting confirmation"
		this.history.lockChain(activity.id());
		Grading grading = this.records.find(activity.id(), studentUserId)
			.filter((g) -> g.status() == GradingStatus.AWAITING_CONFIRMATION)
			.orElseThrow(() -> new GradingException(Reason.NOT_AWAITING_CONFIRMATION));
		if (grading.assessorUserId() == teacher.user().id()) {
			throw new GradingException(Reason.SAME_ASSESSOR);
		}
		Rubric rubric = rubricFor(activity, Optional.of(grading));
		RubricScore score = requireComplete(rubric, input);
		Long outboxId = enqueue(teacher, activity, rubric, studentUserId, score, input);
		this.records.update(grading.id(), GradingStatus.FINAL, input.levels(), input.remarks(), input.overallRemark(),
				score, grading.assessorUserId(), teacher.user().id(), this.clock.instant(), outboxId);
		return recordVersion(reload(grading));
	}

	/** Back to draft, to change a final or awaiting grading; finalizing again sends a newer grade. */
	@Transactional
	public Grading reopen(Activity activity, long studentUserId) {
		// as in finalize and confirm: a reopen and a confirmation of the same grading at once are serialised
		this.history.lockChain(activity.id());
		Grading grading = this.records.find(activity.id(), studentUserId)
			.filter((g) -> !g.isEditable())
			.orElseThrow(() -> new GradingException(Reason.NOT_REOPENABLE));
		Rubric rubric = rubricFor(activity, Optional.of(grading));
		RubricScore score = RubricScoring.isComplete(rubric, grading.levels())
				? RubricScoring.score(rubric, grading.levels()) : null;
		this.records.update(grading.id(), GradingStatus.DRAFT, grading.levels(), grading.remarks(),
				grading.overallRemark(), score, grading.assessorUserId(), null, null, grading.outboxId());
		return reload(grading);
	}

	/**
	 * Starts grading a student without a hand-in (workplace observation, work on paper): an empty draft with the
	 * activity's current rubric, or the grading that already exists.
	 */
	@Transactional
	public Grading start(LaunchSession teacher, Activity activity, long studentUserId) {
		return findOrStart(teacher, activity, studentUserId);
	}

	private Grading findOrStart(LaunchSession teacher, Activity activity, long studentUserId) {
		Optional<Grading> existing = this.records.find(activity.id(), studentUserId);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (this.rubrics.current(activity).criteria().isEmpty()) {
			// a grading fixes the rubric: without criteria the teacher could never write them
			throw new GradingException(Reason.NO_CRITERIA);
		}
		try {
			this.records.insertDraft(activity.id(), activity.platformId(), studentUserId,
					this.rubrics.current(activity).id(), teacher.user().id());
		}
		catch (DuplicateKeyException ex) {
			// started at the same moment by another assessor: continue with that grading
		}
		return this.records.find(activity.id(), studentUserId).orElseThrow();
	}

	/** Every final state is kept as an immutable, hash-chained version; a later reopen leaves it as it is. */
	private Grading recordVersion(Grading finalGrading) {
		this.history.recordFinal(finalGrading);
		return finalGrading;
	}

	private Grading reload(Grading grading) {
		return this.records.find(grading.activityId(), grading.studentUserId()).orElseThrow();
	}

	private Long enqueue(LaunchSession teacher, Activity activity, Rubric rubric, long studentUserId,
			RubricScore score, GradingInput input) {
		Optional<GradeTarget> target = GradeTargets.of(teacher, activity, rubric);
		if (target.isEmpty()) {
			return null;
		}
		double given = (activity.gradeMode() == GradeMode.POINTS) ? score.points() : score.cijfer().doubleValue();
		Grade grade = Grade.finished(subjectOf(activity, studentUserId), given,
				GradeTargets.scoreMaximum(activity, rubric), GradebookFeedback.of(rubric, score, input.levels(),
						input.remarks(), input.overallRemark(), teacher.locale()));
		return this.outbox.enqueue(target.get(), grade);
	}

	private String subjectOf(Activity activity, long userId) {
		return this.jdbc.sql("SELECT subject FROM lti_user WHERE id = ? AND platform_id = ?")
			.params(userId, activity.platformId())
			.query(String.class)
			.single();
	}

	private static RubricScore scoreIfComplete(Rubric rubric, GradingInput input) {
		checkLevels(rubric, input.levels());
		return RubricScoring.isComplete(rubric, input.levels()) ? RubricScoring.score(rubric, input.levels()) : null;
	}

	private static RubricScore requireComplete(Rubric rubric, GradingInput input) {
		if (rubric.criteria().isEmpty()) {
			// a werkproces the dossier names by title only: the teacher writes criteria first
			throw new GradingException(Reason.NO_CRITERIA);
		}
		checkLevels(rubric, input.levels());
		List<String> missing = RubricScoring.missing(rubric, input.levels());
		if (!missing.isEmpty()) {
			throw new GradingException(Reason.INCOMPLETE, missing);
		}
		return RubricScoring.score(rubric, input.levels());
	}

	private static void checkLevels(Rubric rubric, Map<String, Integer> levels) {
		List<String> invalid = levels.entrySet()
			.stream()
			.filter((chosen) -> rubric.criterion(chosen.getKey()).isEmpty()
					|| !rubric.scale().allows(chosen.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (!invalid.isEmpty()) {
			throw new GradingException(Reason.INVALID_LEVEL, invalid);
		}
	}

}
