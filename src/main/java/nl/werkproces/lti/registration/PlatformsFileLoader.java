package nl.werkproces.lti.registration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Registers the platforms of the file named by {@code lti.platforms-file} at start-up, all or none. A malformed
 * file stops start-up.
 */
@Component
@Order(10)
class PlatformsFileLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlatformsFileLoader.class);

	private final RegistrationProperties properties;

	private final PlatformRegistrations registrations;

	private final TransactionTemplate transaction;

	PlatformsFileLoader(RegistrationProperties properties, PlatformRegistrations registrations,
			TransactionTemplate transaction) {
		this.properties = properties;
		this.registrations = registrations;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(this.properties.platformsFile())) {
			return;
		}
		Path file = Path.of(this.properties.platformsFile());
		if (!Files.isRegularFile(file)) {
			throw new PlatformsFileException(file, null, null, "does not exist or is not a file");
		}
		List<PlatformSettings> entries = PlatformsFile.read(file);
		this.transaction.executeWithoutResult((status) -> entries
			.forEach((settings) -> this.registrations.register(settings, PlatformSource.FILE)));
		log.info("Platforms file {}: {} platform(s) registered or up to date", file, entries.size());
	}

}
