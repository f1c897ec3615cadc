package nl.werkproces.lti.cluster;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The first and the last start-up task: take the {@link StartupLock} before every other {@link ApplicationRunner}
 * and give it back once the application is ready, after all of them (a start that fails gives it back when the context closes).
 */
@Configuration(proxyBeanMethods = false)
class StartupLockRunners {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ApplicationRunner acquireStartupLock(StartupLock lock) {
		return (ApplicationArguments args) -> lock.acquire();
	}

	/** After the last runner (whatever its order): the application is ready. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> releaseStartupLock(StartupLock lock) {
		return (event) -> lock.release();
	}

}
