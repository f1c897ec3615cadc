package nl.werkproces.lti.history;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.grading.Grading;
import nl.werkproces.lti.rubric.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The immutable history of final gradings ({@code grading_version}, V35). Every time a grading becomes final a
 * version is appended; nothing here updates or deletes a version.
 * <p>
 * The hash chain runs <b>per activity</b>: versions of one activity are ordered by {@code chain_seq} and each
 * stores the previous one's hash ({@link GradingVersionHash}). Per activity, because an activity's record is what an
 * examination board asks for, and because appends to different activities then never wait for each other. An
 * append takes a row lock on the activity ({@code SELECT ... FOR UPDATE}), so two finalizations in one activity at
 * the same moment append one after the other; {@code uq_grading_version_chain} is the last guard. The tail is read
 * with a locking read: under REPEATABLE READ (InnoDB) a plain read after the lock wait would still see the snapshot
 * from before it, and two appends would take the same chain_seq.
 */
@Service
public class GradingHistory {

	private static final String COLUMNS = """
			v.id, v.activity_id, v.platform_id, v.student_user_id, v.grading_id, v.version_no, v.chain_seq,
			v.rubric_version_id, v.levels, v.remarks, v.overall_remark, v.points, v.maximum, v.cesuur, v.verdict,
			v.cijfer, v.knock_out, v.assessor_user_id, v.second_assessor_user_id, v.finalized_at, v.outbox_id,
			v.previous_hash, v.content_hash, o.status AS delivery_state""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	GradingHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** All versions of one student's grading in an activity, oldest first. For exports (examendossier). */
	public List<GradingVersion> versionsOf(long activityId, long studentUserId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM grading_version v LEFT JOIN grade_outbox o ON o.id = v.outbox_id"
				+ " WHERE v.activity_id = ? AND v.student_user_id = ? ORDER BY v.version_no")
			.params(activityId, studentUserId)
			.query(this::version)
			.list();
	}

	/** Appends a version for a grading that just became final (in the caller's transaction). */
	@Transactional(propagation = Propagation.MANDATORY)
	public GradingVersion recordFinal(Grading grading) {
		if (!grading.isFinal() || grading.finalizedAt() == null) {
			throw new IllegalArgumentException("grading " + grading.id() + " is not final");
		}
		lockChain(grading.activityId());
		record Tail(int seq, String hash) {
		}
		Tail tail = this.jdbc
			.sql("SELECT chain_seq, content_hash FROM grading_version WHERE activity_id = ? ORDER BY chain_seq DESC LIMIT 1"
					+ " FOR UPDATE")
			.param(grading.activityId())
			.query((rs, row) -> new Tail(rs.getInt(1), rs.getString(2)))
			.optional()
			.orElse(new Tail(0, GradingVersionHash.GENESIS));
		int versionNo = this.jdbc
			.sql("SELECT version_no FROM grading_version WHERE grading_id = ? ORDER BY version_no DESC LIMIT 1 FOR UPDATE")
			.param(grading.id())
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		GradingVersion draft = new GradingVersion(0, grading.activityId(), grading.platformId(),
				grading.studentUserId(), grading.id(), versionNo, tail.seq() + 1, grading.rubricVersionId(),
				grading.levels(), grading.remarks(), grading.overallRemark(), grading.points(), grading.maximum(),
				grading.cesuur(), grading.verdict(), grading.cijfer(), grading.knockOut(), grading.assessorUserId(),
				grading.secondAssessorUserId(), grading.finalizedAt().truncatedTo(ChronoUnit.MICROS),
				grading.outboxId(), tail.hash(), null, null);
		String hash = GradingVersionHash.hash(tail.hash(), draft);
		this.jdbc.sql("""
				INSERT INTO grading_version (activity_id, platform_id, student_user_id, grading_id, version_no, chain_seq,
				    rubric_version_id, levels, remarks, overall_remark, points, maximum, cesuur, verdict, cijfer, knock_out,
				    assessor_user_id, second_assessor_user_id, finalized_at, outbox_id, previous_hash, content_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(draft.activityId(), draft.platformId(), draft.studentUserId(), draft.gradingId(), draft.versionNo(),
					draft.chainSeq(), draft.rubricVersionId().toString(), this.json.writeValueAsString(draft.levels()),
					this.json.writeValueAsString(draft.remarks()), draft.overallRemark(), draft.points(),
					draft.maximum(), draft.cesuur(), (draft.verdict() != null) ? draft.verdict().name() : null,
					draft.cijfer(), draft.knockOut(), draft.assessorUserId(), draft.secondAssessorUserId(),
					Timestamp.from(draft.finalizedAt()), draft.outboxId(), tail.hash(), hash)
			.update();
		return versionsOf(grading.activityId(), grading.studentUserId()).get(versionNo - 1);
	}

	/**
	 * Takes the activity's row lock that appends to its chain wait for, until the caller's transaction ends. A flow
	 * that writes rows referring to the activity before it appends (a grading inserted on finalize: its foreign key
	 * takes a shared lock on the activity) takes this lock first: two transactions that both hold the shared lock
	 * and both ask for this one deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockChain(long activityId) {
		this.jdbc.sql("SELECT id FROM activity WHERE id = ? FOR UPDATE").param(activityId).query(Long.class).single();
	}

	/** Whether an activity with this id exists (on any platform: tool admins check every platform). */
	public boolean activityExists(long activityId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE id = ?").param(activityId).query(Long.class).single() > 0;
	}

	/** Verifies the chain of one activity. */
	@Transactional(readOnly = true)
	public ChainCheck verifyActivity(long activityId) {
		List<GradingVersion> chain = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM grading_version v LEFT JOIN grade_outbox o ON o.id = v.outbox_id"
					+ " WHERE v.activity_id = ? ORDER BY v.chain_seq")
			.param(activityId)
			.query(this::version)
			.list();
		List<ChainCheck.ErasedLink> erased = new ArrayList<>();
		ChainCheck.BrokenLink broken = firstBroken(chain, seals(activityId), erased);
		return new ChainCheck(chain.isEmpty() ? 0 : 1, chain.size(), broken, erased);
	}

	/** Verifies every activity's chain, in activity order; stops at the first broken link. */
	@Transactional(readOnly = true)
	public ChainCheck verifyAll() {
		List<Long> activities = this.jdbc.sql("SELECT DISTINCT activity_id FROM grading_version ORDER BY activity_id")
			.query(Long.class)
			.list();
		long versions = 0;
		long checked = 0;
		List<ChainCheck.ErasedLink> erased = new ArrayList<>();
		for (long activityId : activities) {
			ChainCheck one = verifyActivity(activityId);
			checked++;
			versions += one.versionsChecked();
			erased.addAll(one.erased());
			if (!one.intact()) {
				return new ChainCheck(checked, versions, one.broken(), erased);
			}
		}
		return new ChainCheck(checked, versions, null, erased);
	}

	/** The first broken link of one activity's chain (ordered by chain_seq), or {@code null}. */
	static ChainCheck.BrokenLink firstBroken(List<GradingVersion> chain) {
		return firstBroken(chain, Map.of(), new ArrayList<>());
	}

	/**
	 * The first broken link of one activity's chain (ordered by chain_seq), or {@code null}; versions that name an
	 * erasure ({@code seals}, by version id) whose seal holds are added to {@code erased}: their links are checked,
	 * their (erased) content is not.
	 */
	static ChainCheck.BrokenLink firstBroken(List<GradingVersion> chain, Map<Long, ErasureSeal> seals,
			List<ChainCheck.ErasedLink> erased) {
		String previous = GradingVersionHash.GENESIS;
		int expectedSeq = 1;
		for (GradingVersion v : chain) {
			if (v.chainSeq() != expectedSeq) {
				return link(v, "LINK", "chain_seq " + expectedSeq, "chain_seq " + v.chainSeq());
			}
			if (!previous.equals(v.previousHash())) {
				return link(v, "LINK", previous, v.previousHash());
			}
			ErasureSeal seal = seals.get(v.id());
			if (seal != null) {
				if (!seal.recorded()) {
					return link(v, "ERASURE", "erasure " + seal.erasureId(), "none");
				}
				if (!seal.sameStudent()) {
					return link(v, "ERASURE", "erasure of student " + v.studentUserId(),
							"erasure " + seal.erasureId() + " of another student");
				}
				if (!seal.digestMatches()) {
					return link(v, "ERASURE", seal.sealedDigest(), seal.currentDigest());
				}
				erased.add(new ChainCheck.ErasedLink(v.activityId(), v.id(), v.versionNo(), v.chainSeq(),
						seal.erasureId(), seal.erasedAt()));
			}
			else {
				String expected = GradingVersionHash.hash(v.previousHash(), v);
				if (!expected.equals(v.contentHash())) {
					return link(v, "CONTENT", expected, v.contentHash());
				}
			}
			previous = v.contentHash();
			expectedSeq++;
		}
		return null;
	}

	/** The erasure seals of the versions of one activity that name an erasure, by version id. */
	private Map<Long, ErasureSeal> seals(long activityId) {
		record Marked(long versionId, long platformId, long studentUserId, long erasureId, Long erasurePlatform,
				Long erasureUser, java.sql.Timestamp erasedAt, String digest) {
		}
		List<Marked> marked = this.jdbc.sql("""
				SELECT v.id, v.platform_id, v.student_user_id, v.erasure_id, e.platform_id, e.user_id, e.erased_at,
				    e.versions_digest
				FROM grading_version v LEFT JOIN erasure e ON e.id = v.erasure_id
				WHERE v.activity_id = ? AND v.erasure_id IS NOT NULL""")
			.param(activityId)
			.query((rs, row) -> new Marked(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getTimestamp(7), rs.getString(8)))
			.list();
		Map<Long, String> currentDigests = new HashMap<>();
		Map<Long, ErasureSeal> seals = new HashMap<>();
		for (Marked m : marked) {
			boolean recorded = m.erasureUser() != null;
			String current = currentDigests.computeIfAbsent(m.erasureId(),
					(id) -> ErasureSeal.digest(sealedVersions("erasure_id = ?", id)));
			seals.put(m.versionId(), new ErasureSeal(m.erasureId(),
					(m.erasedAt() != null) ? m.erasedAt().toInstant() : null, recorded,
					recorded && m.erasurePlatform() == m.platformId() && m.erasureUser() == m.studentUserId(),
					recorded && current.equals(m.digest()), m.digest(), current));
		}
		return seals;
	}

	/** The versions of one student (not yet erased): what an erasure seals before it erases their content. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<ErasureSeal.SealedVersion> versionsToErase(long platformId, long studentUserId) {
		return this.jdbc.sql("SELECT id, activity_id, content_hash FROM grading_version"
				+ " WHERE platform_id = ? AND student_user_id = ? AND erasure_id IS NULL ORDER BY id FOR UPDATE")
			.params(platformId, studentUserId)
			.query((rs, row) -> new ErasureSeal.SealedVersion(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	/**
	 * Replaces the personal content of one student's versions (levels, remarks, score, verdict) by nothing and marks
	 * them with the erasure; ids, chain place, hashes, rubric, assessor and time stay, so the chain still links.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseContent(long platformId, long studentUserId, long erasureId) {
		return this.jdbc.sql("""
				UPDATE grading_version SET levels = '{}', remarks = '{}', overall_remark = NULL, points = NULL,
				    maximum = NULL, cesuur = NULL, verdict = NULL, cijfer = NULL, knock_out = FALSE, erasure_id = ?
				WHERE platform_id = ? AND student_user_id = ? AND erasure_id IS NULL""")
			.params(erasureId, platformId, studentUserId)
			.update();
	}

	private List<ErasureSeal.SealedVersion> sealedVersions(String where, Object param) {
		return this.jdbc.sql("SELECT id, activity_id, content_hash FROM grading_version WHERE " + where + " ORDER BY id")
			.param(param)
			.query((rs, row) -> new ErasureSeal.SealedVersion(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	private static ChainCheck.BrokenLink link(GradingVersion v, String problem, String expected, String found) {
		return new ChainCheck.BrokenLink(v.activityId(), v.studentUserId(), v.id(), v.versionNo(), v.chainSeq(),
				problem, expected, found);
	}

	private GradingVersion version(ResultSet rs, int row) throws SQLException {
		String verdict = rs.getString("verdict");
		return new GradingVersion(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("platform_id"),
				rs.getLong("student_user_id"), rs.getLong("grading_id"), rs.getInt("version_no"),
				rs.getInt("chain_seq"), UUID.fromString(rs.getString("rubric_version_id")),
				this.json.readValue(rs.getString("levels"), new TypeReference<LinkedHashMap<String, Integer>>() {
				}), this.json.readValue(rs.getString("remarks"), new TypeReference<LinkedHashMap<String, String>>() {
				}), rs.getString("overall_remark"), rs.getObject("points", Integer.class),
				rs.getObject("maximum", Integer.class), rs.getObject("cesuur", Integer.class),
				(verdict != null) ? Verdict.valueOf(verdict) : null, rs.getObject("cijfer", BigDecimal.class),
				rs.getBoolean("knock_out"), rs.getLong("assessor_user_id"),
				rs.getObject("second_assessor_user_id", Long.class), rs.getTimestamp("finalized_at").toInstant(),
				rs.getObject("outbox_id", Long.class), rs.getString("previous_hash"), rs.getString("content_hash"),
				rs.getString("delivery_state"));
	}

}
