package nl.werkproces.lti.ags;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A score as posted to a line item's {@code /scores} endpoint. {@code timestamp} is ISO-8601 with fraction and
 * zone; {@code userId} is the launch's {@code sub}.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#score-publish-service">AGS 2.0 §3.4</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Score(String userId, Double scoreGiven, Double scoreMaximum, String comment, String timestamp,
		ActivityProgress activityProgress, GradingProgress gradingProgress) {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
		.withZone(ZoneOffset.UTC);

	public static Score of(String userId, Double scoreGiven, Double scoreMaximum, String comment, Instant timestamp,
			ActivityProgress activityProgress, GradingProgress gradingProgress) {
		return new Score(userId, scoreGiven, scoreMaximum, comment, TIMESTAMP.format(timestamp), activityProgress,
				gradingProgress);
	}

}
