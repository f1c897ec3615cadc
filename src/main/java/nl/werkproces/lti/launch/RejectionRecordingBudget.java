package nl.werkproces.lti.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many rejected launches this instance writes to the database per window. Anyone on the internet can post a
 * broken launch; without a budget a flood would fill {@code rejected_launch} (and its 30 days of history) faster than
 * the purge empties it. Rejections beyond the budget are still logged and counted, only not stored.
 */
final class RejectionRecordingBudget {

	private final Clock clock;

	private final int perWindow;

	private final Duration window;

	private Instant windowStart = Instant.EPOCH;

	private int used;

	RejectionRecordingBudget(Clock clock, int perWindow, Duration window) {
		this.clock = clock;
		this.perWindow = perWindow;
		this.window = window;
	}

	/** Whether one more rejection may be stored now (and takes it from the budget if so). */
	synchronized boolean tryTake() {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.windowStart.plus(this.window))) {
			this.windowStart = now;
			this.used = 0;
		}
		if (this.used >= this.perWindow) {
			return false;
		}
		this.used++;
		return true;
	}

}
