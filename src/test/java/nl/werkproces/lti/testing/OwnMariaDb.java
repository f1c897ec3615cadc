package nl.werkproces.lti.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB server of the test's own (its own data directory and port on loopback), so a test can kill it and
 * start it again. Needs Debian's {@code mariadb-server} binaries; without them the test is skipped, unless
 * {@code CI_REQUIRE_MARIADB=true} (as in {@code .ci/run}), which makes their absence a failure.
 */
public final class OwnMariaDb implements AutoCloseable {

	private static final Path SERVER = Path.of("/usr/sbin/mariadbd");

	private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

	private final Path directory;

	private final int port;

	private Process process;

	private OwnMariaDb(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/** Initialises a data directory under {@code directory} and starts the server with an empty database. */
	public static OwnMariaDb start(Path directory, String database) {
		boolean present = Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
		if (!present && Boolean.parseBoolean(System.getenv("CI_REQUIRE_MARIADB"))) {
			throw new IllegalStateException("CI_REQUIRE_MARIADB is set but " + SERVER + " is not installed");
		}
		Assumptions.assumeTrue(present, "MariaDB server binaries not installed");
		OwnMariaDb server = new OwnMariaDb(directory, ToolProcess.freePort());
		server.install();
		server.startServer();
		try (Connection connection = DriverManager.getConnection(server.serverUrl(), "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server;
	}

	public String jdbcUrl(String database) {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + database
				+ "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&connectTimeout=2000&socketTimeout=10000";
	}

	/** SIGKILL: the server ends at once, as in a crash; InnoDB recovers at the next start. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts the server again on the same data directory and port. */
	public void restart() {
		startServer();
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	private String serverUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/?connectTimeout=1000";
	}

	private void install() {
		run(List.of(INSTALL.toString(), "--no-defaults", "--datadir=" + this.directory.resolve("data"), "--user=root",
				"--auth-root-authentication-method=normal", "--skip-test-db"), "install.log");
	}

	private void startServer() {
		try {
			this.process = new ProcessBuilder(SERVER.toString(), "--no-defaults",
					"--datadir=" + this.directory.resolve("data"), "--port=" + this.port, "--bind-address=127.0.0.1",
					"--socket=" + this.directory.resolve("mariadb.sock"), "--pid-file=" + this.directory.resolve("pid"),
					"--user=root", "--skip-name-resolve", "--skip-log-bin", "--innodb-buffer-pool-size=32M",
					"--max-connections=200")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("server.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(serverUrl(), "root", "")) {
				return;
			}
			catch (SQLException ex) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("MariaDB ended while starting; see " + this.directory.resolve("server.log"));
				}
				sleep(200);
			}
		}
		throw new IllegalStateException("MariaDB did not accept connections within 60 s");
	}

	private void run(List<String> command, String logName) {
		try {
			Process install = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve(logName).toFile())
				.start();
			if (install.waitFor() != 0) {
				throw new IllegalStateException(command.get(0) + " failed; see " + this.directory.resolve(logName));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
