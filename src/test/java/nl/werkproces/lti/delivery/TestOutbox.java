package nl.werkproces.lti.delivery;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The grade outbox on a database of a tool that runs elsewhere (another process), for tests outside this package. */
public final class TestOutbox {

	private TestOutbox() {
	}

	/** Queues as a finalized grading does; the tool's workers find the grade at their next poll. */
	public static GradeOutbox on(JdbcClient jdbc) {
		return new GradeOutbox(new GradeOutboxTable(jdbc), Clock.systemUTC(), (event) -> {
		});
	}

}
