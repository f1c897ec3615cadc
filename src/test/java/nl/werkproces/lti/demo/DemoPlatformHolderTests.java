package nl.werkproces.lti.demo;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DemoPlatformHolderTests {

	@Test
	void demoRequestedBeforeTheServerStartedEventIsAnswered503NotAServerError() {
		DemoPlatformHolder holder = new DemoPlatformHolder(null, null, Clock.systemUTC(), null);
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(holder::platform)
			.satisfies((ex) -> assertThat(ex.getStatusCode())
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

}
