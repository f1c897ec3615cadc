package nl.werkproces.lti.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Creates or updates the admin named by {@code LTI_ADMIN_USERNAME}/{@code LTI_ADMIN_PASSWORD} at start-up. */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final AdminProperties properties;

	private final AdminUsers users;

	BootstrapAdmin(AdminProperties properties, AdminUsers users) {
		this.properties = properties;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.hasBootstrapAdmin()) {
			try {
				this.users.createOrUpdate(this.properties.username().trim(), this.properties.password());
			}
			catch (DuplicateKeyException ex) {
				// another replica created it at the same moment
			}
			log.info("Tool admin '{}' is configured", this.properties.username().trim());
		}
		else if (!this.users.any()) {
			log.info("No tool admin configured: set LTI_ADMIN_USERNAME and LTI_ADMIN_PASSWORD to use /admin");
		}
	}

}
