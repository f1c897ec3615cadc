package nl.werkproces.lti.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The teacher's grading of a student's work as the student may see it; the details only once it is final.
 *
 * @param levels score per criterion key
 * @param remarks the assessor's remark per criterion key
 */
public record GradingResult(String status, UUID rubricVersionId, Map<String, Integer> levels,
		Map<String, String> remarks, String overallRemark, Integer points, Integer maximum, Integer cesuur,
		String verdict, BigDecimal cijfer, boolean knockOut, Instant finalizedAt) {

	/** The status the teacher's side writes when a grading is finished. */
	public static final String FINAL = "FINAL";

	public boolean isFinal() {
		return FINAL.equals(this.status);
	}

}
