package nl.werkproces.lti.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test class's own on the MySQL/MariaDB pass ({@code -Dtest.database=mysql}), beside the shared
 * {@code TEST_MYSQL_URL} database on the same server, for tests whose assertions cover every row of a table (a
 * storage migration moves every file, whatever other test classes left behind). On H2 nothing changes: each test
 * context has its own in-memory database already.
 */
public final class SeparateTestDatabase {

	private final String server;

	private final String name;

	private final String url;

	private SeparateTestDatabase(String server, String name, String url) {
		this.server = server;
		this.name = name;
		this.url = url;
	}

	/** Creates (empty) {@code <shared database>_<suffix>} on the MySQL pass; {@code null} on H2. */
	public static SeparateTestDatabase createOnMysqlPass(String suffix) {
		if (!"mysql".equals(System.getProperty("test.database"))) {
			return null;
		}
		String base = System.getenv()
			.getOrDefault("TEST_MYSQL_URL",
					"jdbc:mysql://127.0.0.1:3306/werkproces_test?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
		String name = base.replaceFirst("^jdbc:mysql://[^/]+/([^?]+).*$", "$1") + "_" + suffix;
		String server = base.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]+(.*)$", "$1$2");
		String url = base.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]+(.*)$", "$1" + name + "$2");
		SeparateTestDatabase database = new SeparateTestDatabase(server, name, url);
		database.execute("DROP DATABASE IF EXISTS " + name);
		database.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		return database;
	}

	/** Points the test context's data source at this database. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> this.url);
	}

	/** The JDBC URL of this database. */
	public String url() {
		return this.url;
	}

	/** Drops the database; one left behind by a killed run is dropped by the next run's create. */
	public void drop() {
		try {
			execute("DROP DATABASE IF EXISTS " + this.name);
		}
		catch (IllegalStateException ex) {
			// left for the next run's DROP
		}
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.server,
				System.getenv().getOrDefault("TEST_MYSQL_USER", "root"),
				System.getenv().getOrDefault("TEST_MYSQL_PASSWORD", ""));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not run '" + sql + "' on " + this.server, ex);
		}
	}

}
