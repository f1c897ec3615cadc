package nl.werkproces.lti.keys;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first key pair on first start, so the JWKS is ready before the first launch. */
@Component
@Order(0)
class ToolKeysInitializer implements ApplicationRunner {

	private final ToolKeys keys;

	ToolKeysInitializer(ToolKeys keys) {
		this.keys = keys;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.keys.initialize();
	}

}
