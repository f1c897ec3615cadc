package nl.werkproces.lti.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.history.GradingVersion;
import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.Level;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grading history as the grading screen shows it: one entry per final version, newest first, with who graded,
 * what changed since the version before and whether its grade reached the gradebook.
 */
@Component
class GradingHistoryEntries {

	private final GradingHistory history;

	private final JdbcClient jdbc;

	GradingHistoryEntries(GradingHistory history, JdbcClient jdbc) {
		this.history = history;
		this.jdbc = jdbc;
	}

	/** Newest first; empty when the student's grading never became final. */
	List<Entry> of(Activity activity, long studentUserId, Rubric rubric) {
		List<GradingVersion> versions = this.history.versionsOf(activity.id(), studentUserId);
		if (versions.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = names(activity.platformId(), versions);
		List<Entry> entries = new ArrayList<>();
		GradingVersion previous = null;
		for (GradingVersion version : versions) {
			entries.add(new Entry(version.versionNo(), version.finalizedAt(), names.get(version.assessorUserId()),
					(version.secondAssessorUserId() != null) ? names.get(version.secondAssessorUserId()) : null,
					version.verdict(), version.cijfer(), version.points(), version.maximum(),
					(previous != null) ? changes(rubric, previous, version) : List.of(),
					(previous != null && !Objects.equals(previous.cijfer(), version.cijfer())
							&& (previous.cijfer() == null || version.cijfer() == null
									|| previous.cijfer().compareTo(version.cijfer()) != 0))
							? previous.cijfer() : null,
					previous != null, delivery(version)));
			previous = version;
		}
		java.util.Collections.reverse(entries);
		return entries;
	}

	/** Criteria whose level differs from the version before, in the rubric's order. */
	private static List<Change> changes(Rubric rubric, GradingVersion before, GradingVersion after) {
		Set<String> keys = new LinkedHashSet<>();
		rubric.criteria().forEach((c) -> keys.add(c.key()));
		keys.addAll(before.levels().keySet());
		keys.addAll(after.levels().keySet());
		List<Change> changes = new ArrayList<>();
		List<String> order = rubric.criteria().stream().map(Criterion::key).toList();
		for (String key : keys) {
			Integer from = before.levels().get(key);
			Integer to = after.levels().get(key);
			if (Objects.equals(from, to)) {
				continue;
			}
			int index = order.indexOf(key);
			Criterion criterion = (index >= 0) ? rubric.criteria().get(index) : null;
			changes.add(new Change((index >= 0) ? index + 1 : 0, label(criterion, from), label(criterion, to), from,
					to));
		}
		return changes;
	}

	private static String label(Criterion criterion, Integer score) {
		if (criterion == null || score == null) {
			return null;
		}
		return criterion.levels().stream().filter((l) -> l.score() == score).map(Level::label).findFirst().orElse(null);
	}

	private static Delivery delivery(GradingVersion version) {
		if (version.outboxId() == null) {
			return Delivery.NONE;
		}
		if (version.reachedPlatform()) {
			return Delivery.DELIVERED;
		}
		return switch (String.valueOf(version.deliveryState())) {
			case "FAILED" -> Delivery.FAILED;
			case "SUPERSEDED" -> Delivery.SUPERSEDED;
			default -> Delivery.WAITING;
		};
	}

	private Map<Long, String> names(long platformId, List<GradingVersion> versions) {
		Set<Long> ids = new LinkedHashSet<>();
		for (GradingVersion v : versions) {
			ids.add(v.assessorUserId());
			if (v.secondAssessorUserId() != null) {
				ids.add(v.secondAssessorUserId());
			}
		}
		Map<Long, String> names = new HashMap<>();
		for (long id : ids) {
			this.jdbc.sql("SELECT name, subject FROM lti_user WHERE id = ? AND platform_id = ?")
				.params(id, platformId)
				.query((rs, row) -> {
					String name = rs.getString("name");
					return (name != null && !name.isBlank()) ? name : rs.getString("subject");
				})
				.optional()
				.ifPresent((name) -> names.put(id, name));
		}
		return names;
	}

	/** Whether the grade a version queued reached the platform's gradebook. */
	enum Delivery {

		/** The version queued no grade (nothing to send). */
		NONE,
		/** Queued, not yet delivered (or being retried). */
		WAITING,
		/** In the platform's gradebook. */
		DELIVERED,
		/** Delivery failed; the teacher or admin must look at it. */
		FAILED,
		/** A later version's grade was sent instead. */
		SUPERSEDED

	}

	/**
	 * A criterion whose level changed.
	 *
	 * @param number the criterion's number on the rubric (1, 2, ...), 0 when the current rubric no longer has it
	 * @param fromLabel level label before (rubric wording), {@code null} when unknown
	 */
	record Change(int number, String fromLabel, String toLabel, Integer fromScore, Integer toScore) {
	}

	/**
	 * One version on the screen.
	 *
	 * @param previousCijfer the cijfer of the version before when it differs, else {@code null}
	 * @param hasPrevious whether there is a version before to compare with
	 */
	record Entry(int versionNo, Instant finalizedAt, String assessor, String secondAssessor, Verdict verdict,
			BigDecimal cijfer, Integer points, Integer maximum, List<Change> changes, BigDecimal previousCijfer,
			boolean hasPrevious, Delivery delivery) {
	}

}
