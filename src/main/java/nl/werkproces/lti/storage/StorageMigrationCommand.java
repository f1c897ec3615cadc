package nl.werkproces.lti.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.cluster.StartupLock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --lti.storage.migrate=database-to-s3} or {@code s3-to-database}: runs the {@link StorageMigration} after
 * the start-up tasks, then ends the process (exit code 0 when every file is where it should be, 1 otherwise, 2 for
 * an unknown direction). Run it with {@code --server.port=0 --lti.grades.scheduled=false} beside the serving
 * replicas (it listens on a random port while it runs).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ConditionalOnProperty("lti.storage.migrate")
class StorageMigrationCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StorageMigrationCommand.class);

	private final StorageMigration migration;

	private final StorageProperties properties;

	private final ConfigurableApplicationContext context;

	private final StartupLock startupLock;

	StorageMigrationCommand(StorageMigration migration, StorageProperties properties,
			ConfigurableApplicationContext context, StartupLock startupLock) {
		this.startupLock = startupLock;
		this.migration = migration;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the start-up tasks are done: replicas that start meanwhile need not wait for the migration
		this.startupLock.release();
		int code = run(this.properties.migrate().strip());
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int run(String direction) {
		StorageMigration.Report report;
		switch (direction) {
			case "database-to-s3" -> report = this.migration.databaseToS3();
			case "s3-to-database" -> report = this.migration.s3ToDatabase();
			default -> {
				log.error("lti.storage.migrate={} [STORAGE_MIGRATION_UNKNOWN]: use database-to-s3 or s3-to-database",
						direction);
				return 2;
			}
		}
		return (report.problems() == 0 && report.remaining() == 0) ? 0 : 1;
	}

}
