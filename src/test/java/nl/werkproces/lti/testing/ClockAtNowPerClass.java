package nl.werkproces.lti.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Sets the shared context's {@link MutableClock} to the current second before each test class: the context lives
 * for the whole suite and a class that moved the clock on (GradeOutboxTests) must not leave the next class with
 * launches the tool sees as expired. Runs before the class's own {@code @BeforeAll}/{@code @BeforeEach}.
 */
public final class ClockAtNowPerClass implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		SpringExtension.getApplicationContext(context)
			.getBean(MutableClock.class)
			.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

}
