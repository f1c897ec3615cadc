package nl.werkproces.lti.launch;

import java.time.Duration;

import nl.werkproces.lti.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionRecordingTests {

	@Test
	void aCraftedValueCannotStartANewLogLine() {
		String detail = RejectionDetail.safe("unknown issuer https://evil\n2026-12-02 INFO Launch accepted\r\u2028x");

		assertThat(detail).doesNotContain("\n", "\r", "\u2028")
			.isEqualTo("unknown issuer https://evil\uFFFD2026-12-02 INFO Launch accepted\uFFFD\uFFFDx");
	}

	@Test
	void aLongDetailIsCutAndMarkedAsCut() {
		String detail = RejectionDetail.safe("a".repeat(5000));

		assertThat(detail).hasSize(RejectionDetail.MAX_LENGTH + 1).endsWith("a…");
	}

	@Test
	void theBudgetStoresAtMostItsShareForEachWindowAndRefillsAfterIt() {
		MutableClock clock = new MutableClock();
		RejectionRecordingBudget budget = new RejectionRecordingBudget(clock, 3, Duration.ofMinutes(1));

		assertThat(budget.tryTake()).isTrue();
		assertThat(budget.tryTake()).isTrue();
		assertThat(budget.tryTake()).isTrue();
		assertThat(budget.tryTake()).isFalse();
		clock.advance(Duration.ofSeconds(59));
		assertThat(budget.tryTake()).isFalse();
		clock.advance(Duration.ofSeconds(1));
		assertThat(budget.tryTake()).isTrue();
	}

}
