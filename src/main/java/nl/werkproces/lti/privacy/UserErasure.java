package nl.werkproces.lti.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.history.ChainCheck;
import nl.werkproces.lti.history.ErasureSeal;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.storage.FileLocation;
import nl.werkproces.lti.storage.HandInFileStorage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Right of erasure: removes one user of one platform, in one transaction: launch sessions, hand-ins and their files,
 * gradings of the user as student, outbox entries for the user (delivered or not: an erased user's grade is not
 * sent any more) and the user row. Grading versions stay in their activity's hash chain with their personal content
 * (levels, remarks, score, verdict) replaced by nothing and {@code erasure_id} set; the erasure row (V41) keeps who,
 * when, why and how many, and seals the erased versions' hashes ({@link ErasureSeal}), so the chain check reports
 * them as erased, not broken. Refused when a chain the user is in is already broken: erasing would hide tampering.
 * Gradings the platform (Moodle) already received stay there. Files in object storage are removed after commit; one
 * that cannot be removed is logged ({@code STORAGE_DELETE_FAILED}).
 */
@Component
public class UserErasure {

	private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

	static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	private final PlatformUsers users;

	private final GradingHistory history;

	private final HandInFileStorage storage;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	UserErasure(JdbcClient jdbc, PlatformUsers users, GradingHistory history, HandInFileStorage storage,
			AuditLog audit, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.history = history;
		this.storage = storage;
		this.audit = audit;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/** Erases the user; throws {@link ErasureRefused} (and erases nothing) when it cannot. */
	Erased erase(long platformId, long userId, String reason, String actor) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw new ErasureRefused(ErasureRefused.Reason.ERASURE_REASON_INVALID,
					"a reason of 1 to " + MAX_REASON + " characters is required");
		}
		Erased erased = this.transactions.execute((status) -> eraseInTransaction(platformId, userId, why, actor));
		erased.objects().forEach(this.storage::discard);
		log.info("user erased reason=PRIVACY_ERASURE erasure={} platform={} user={} by={} removed={}",
				erased.erasureId(), platformId, userId, actor, erased.counts());
		return erased;
	}

	private Erased eraseInTransaction(long platformId, long userId, String reason, String actor) {
		PlatformUsers.PlatformUser user = this.users.find(platformId, userId)
			.orElseThrow(() -> new ErasureRefused(ErasureRefused.Reason.ERASURE_USER_NOT_FOUND,
					"no user " + userId + " on platform " + platformId));
		this.jdbc.sql("SELECT id FROM lti_user WHERE id = ? FOR UPDATE").param(userId).query(Long.class).single();
		List<Long> chains = this.jdbc.sql("SELECT DISTINCT activity_id FROM grading_version"
				+ " WHERE platform_id = ? AND student_user_id = ? ORDER BY activity_id")
			.params(platformId, userId)
			.query(Long.class)
			.list();
		for (long activityId : chains) {
			this.history.lockChain(activityId);
			ChainCheck check = this.history.verifyActivity(activityId);
			if (!check.intact()) {
				throw new ErasureRefused(ErasureRefused.Reason.ERASURE_CHAIN_BROKEN, "the grading history of activity "
						+ activityId + " is broken at version " + check.broken().versionId());
			}
		}
		List<ErasureSeal.SealedVersion> sealed = this.history.versionsToErase(platformId, userId);
		List<FileLocation> objects = this.jdbc.sql("""
				SELECT f.object_key FROM submission_file f JOIN submission s ON s.id = f.submission_id
				WHERE s.user_id = ? AND s.platform_id = ? AND f.object_key IS NOT NULL""")
			.params(userId, platformId)
			.query((rs, row) -> FileLocation.object(rs.getString(1)))
			.list();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("launchSessions", count("SELECT COUNT(*) FROM launch_session WHERE user_id = ?", userId));
		counts.put("handIns", count("SELECT COUNT(*) FROM submission WHERE user_id = ?", userId));
		counts.put("files", count("SELECT COUNT(*) FROM submission_file f JOIN submission s ON s.id = f.submission_id"
				+ " WHERE s.user_id = ?", userId));
		counts.put("gradings", count("SELECT COUNT(*) FROM grading WHERE student_user_id = ?", userId));
		counts.put("gradingVersionsErased", sealed.size());
		counts.put("outboxDelivered", this.jdbc
			.sql("SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND user_sub = ? AND status = 'DELIVERED'")
			.params(platformId, user.subject())
			.query(Integer.class)
			.single());
		counts.put("outboxNotDelivered", this.jdbc
			.sql("SELECT COUNT(*) FROM grade_outbox WHERE platform_id = ? AND user_sub = ? AND status <> 'DELIVERED'")
			.params(platformId, user.subject())
			.query(Integer.class)
			.single());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO erasure (platform_id, user_id, erased_at, erased_by, reason, counts, versions_digest)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(platformId, userId, Timestamp.from(now), limit(actor), reason,
					this.json.writeValueAsString(counts), ErasureSeal.digest(sealed))
			.update(key, "id");
		long erasureId = key.getKey().longValue();
		this.history.eraseContent(platformId, userId, erasureId);
		this.jdbc.sql("DELETE FROM grade_outbox WHERE platform_id = ? AND user_sub = ?")
			.params(platformId, user.subject())
			.update();
		this.jdbc.sql("DELETE FROM submission_file WHERE submission_id IN (SELECT id FROM submission WHERE user_id = ?)")
			.param(userId)
			.update();
		this.jdbc.sql("DELETE FROM submission WHERE user_id = ?").param(userId).update();
		this.jdbc.sql("DELETE FROM grading WHERE student_user_id = ?").param(userId).update();
		this.jdbc.sql("DELETE FROM launch_session WHERE user_id = ?").param(userId).update();
		this.jdbc.sql("DELETE FROM lti_user WHERE id = ? AND platform_id = ?").params(userId, platformId).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("erasure", erasureId);
		after.put("reason", reason);
		after.put("removed", counts);
		this.audit.record(actor, "privacy.erase", "platform " + platformId + " user " + userId, null, after);
		return new Erased(erasureId, now, counts, objects);
	}

	private int count(String sql, long userId) {
		return this.jdbc.sql(sql).param(userId).query(Integer.class).single();
	}

	private static String limit(String actor) {
		return (actor.length() > 100) ? actor.substring(0, 100) : actor;
	}

	/** A done erasure: its id, when, what it removed, and the object-storage files to remove after commit. */
	public record Erased(long erasureId, Instant erasedAt, Map<String, Integer> counts, List<FileLocation> objects) {
	}

}
