package nl.werkproces.lti.grading;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per activity: whether a second assessor must confirm a grading ({@code activity.second_assessor_required}). */
@Repository
public class AssessmentSettings {

	private final JdbcClient jdbc;

	private final Clock clock;

	AssessmentSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean secondAssessorRequired(long activityId) {
		return this.jdbc.sql("SELECT second_assessor_required FROM activity WHERE id = ?")
			.param(activityId)
			.query(Boolean.class)
			.single();
	}

	public void requireSecondAssessor(long activityId, boolean required) {
		this.jdbc.sql("UPDATE activity SET second_assessor_required = ?, updated_at = ? WHERE id = ?")
			.params(required, Timestamp.from(this.clock.instant()), activityId)
			.update();
	}

}
