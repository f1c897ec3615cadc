package nl.werkproces.lti.history;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical serialisation of a {@link GradingVersion} and its SHA-256 chain hash.
 * <p>
 * Canonical form: one {@code name=value} line per field in a fixed order, maps sorted by key, every value escaped
 * ({@code \\}, {@code \n}, {@code =}, {@code ;} and absent = {@code \0}), the time as ISO-8601 UTC in microseconds
 * (what {@code DATETIME(6)} keeps), {@code cijfer} as plain decimal with one fraction digit. The hash is
 * {@code SHA-256(previousHash + "\n" + canonical)} in lower-case hex; the first version of an activity has
 * {@link #GENESIS} (64 zeros) as previous hash. The chain id, hashes and database ids of other tables are not part
 * of the content, except the outbox id (which grade was queued).
 */
public final class GradingVersionHash {

	public static final String GENESIS = "0".repeat(64);

	private GradingVersionHash() {
	}

	public static String canonical(GradingVersion v) {
		StringBuilder out = new StringBuilder(512);
		field(out, "activity", v.activityId());
		field(out, "platform", v.platformId());
		field(out, "student", v.studentUserId());
		field(out, "grading", v.gradingId());
		field(out, "version", v.versionNo());
		field(out, "chain", v.chainSeq());
		field(out, "rubric", v.rubricVersionId());
		field(out, "levels", map(v.levels()));
		field(out, "remarks", map(v.remarks()));
		field(out, "overall", v.overallRemark());
		field(out, "points", v.points());
		field(out, "maximum", v.maximum());
		field(out, "cesuur", v.cesuur());
		field(out, "verdict", (v.verdict() != null) ? v.verdict().name() : null);
		field(out, "cijfer", (v.cijfer() != null) ? v.cijfer().setScale(1, java.math.RoundingMode.UNNECESSARY).toPlainString() : null);
		field(out, "knockOut", v.knockOut());
		field(out, "assessor", v.assessorUserId());
		field(out, "secondAssessor", v.secondAssessorUserId());
		field(out, "finalizedAt", v.finalizedAt().truncatedTo(ChronoUnit.MICROS).toString());
		field(out, "outbox", v.outboxId());
		return out.toString();
	}

	public static String hash(String previousHash, GradingVersion v) {
		return sha256(previousHash + "\n" + canonical(v));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String map(Map<String, ?> values) {
		StringBuilder out = new StringBuilder();
		new TreeMap<>(values).forEach((key, value) -> out.append(escape(key))
			.append('=')
			.append(escape(String.valueOf(value)))
			.append(';'));
		return out.toString();
	}

	private static void field(StringBuilder out, String name, Object value) {
		out.append(name).append('=');
		if (value == null) {
			out.append("\\0");
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else {
			out.append(escape(value.toString()));
		}
		out.append('\n');
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(";", "\\;");
	}

}
