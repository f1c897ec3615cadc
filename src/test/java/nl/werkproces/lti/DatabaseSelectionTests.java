package nl.werkproces.lti;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database tests really run where {@code -Dtest.database} says: H2 by default, MySQL/MariaDB in CI's second
 * pass. Guards against a pass that silently fell back to H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseSelectionTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void testsRunOnTheSelectedDatabaseWithEveryMigrationApplied() throws SQLException {
		String expected = "mysql".equals(System.getProperty("test.database")) ? "(?i)(mysql|mariadb)" : "(?i)h2";
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).matches(expected);
		}
		Integer failed = this.jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")
			.query(Integer.class)
			.single();
		assertThat(failed).isZero();
	}

}
