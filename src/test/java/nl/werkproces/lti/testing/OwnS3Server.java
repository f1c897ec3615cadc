package nl.werkproces.lti.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real S3-compatible server on loopback for the test: s3rver (npm, run by the machine's Node.js, objects kept in
 * files under the test's directory), with one bucket. Installed with npm into {@code target/test-tools/s3rver}
 * the first time (or taken from {@code S3RVER_HOME}). Without Node.js or npm, or when it does not start, the test
 * is skipped, unless {@code CI_REQUIRE_S3=true} (as in {@code .ci/run}), which makes that a failure. {@link #stop()}
 * ends it at once (an object store that went away), {@link #start()} brings it back on the same port and data.
 */
public final class OwnS3Server implements AutoCloseable {

	/** s3rver's fixed credentials. */
	public static final String ACCESS_KEY = "S3RVER";

	public static final String SECRET_KEY = "S3RVER";

	private static final String VERSION = "3.7.1";

	private final Path script;

	private final Path data;

	private final String bucket;

	private final int port;

	private Process process;

	private OwnS3Server(Path script, Path data, String bucket, int port) {
		this.script = script;
		this.data = data;
		this.bucket = bucket;
		this.port = port;
	}

	public static OwnS3Server start(Path directory, String bucket) {
		Path script;
		try {
			script = installed();
		}
		catch (RuntimeException ex) {
			return unavailable("s3rver could not be installed: " + ex.getMessage());
		}
		OwnS3Server server = new OwnS3Server(script, directory.resolve("s3"), bucket, ToolProcess.freePort());
		try {
			Files.createDirectories(server.data);
			server.start();
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			return unavailable("s3rver did not start: " + ex.getMessage());
		}
		return server;
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	public String bucket() {
		return this.bucket;
	}

	/** Where s3rver keeps the bucket's objects (one directory per object key). */
	public Path bucketDirectory() {
		return this.data.resolve(this.bucket);
	}

	/** Starts (again) on the same port and data directory; waits until it accepts connections. */
	public void start() {
		try {
			this.process = new ProcessBuilder(node(), this.script.toString(), "-d", this.data.toString(), "-a",
					"127.0.0.1", "-p", Integer.toString(this.port), "--silent", "--no-vhost-buckets",
					"--configure-bucket", this.bucket)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.data.resolveSibling("s3rver.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("s3rver ended while starting; see " + this.data.resolveSibling("s3rver.log"));
			}
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				sleep(100);
			}
		}
		throw new IllegalStateException("s3rver did not listen within 30 s");
	}

	/** Ends the server at once (SIGKILL): requests to it fail until {@link #start()}. */
	public void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	private static OwnS3Server unavailable(String why) {
		if (Boolean.parseBoolean(System.getenv("CI_REQUIRE_S3"))) {
			throw new IllegalStateException("CI_REQUIRE_S3 is set but " + why);
		}
		Assumptions.abort(why);
		return null;
	}

	private static synchronized Path installed() {
		String home = System.getenv("S3RVER_HOME");
		Path prefix = (home != null && !home.isBlank()) ? Path.of(home) : Path.of("target", "test-tools", "s3rver");
		Path script = prefix.resolve("node_modules/s3rver/bin/s3rver.js");
		if (Files.isRegularFile(script)) {
			return script.toAbsolutePath();
		}
		try {
			Files.createDirectories(prefix);
			Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix",
					prefix.toAbsolutePath().toString(), "s3rver@" + VERSION)
				.redirectErrorStream(true)
				.redirectOutput(prefix.resolve("npm-install.log").toFile())
				.start();
			if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
				npm.destroyForcibly();
				throw new IllegalStateException("npm install failed; see " + prefix.resolve("npm-install.log"));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("npm is not available (" + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (!Files.isRegularFile(script)) {
			throw new IllegalStateException("npm did not install " + script);
		}
		return script.toAbsolutePath();
	}

	private static String node() {
		for (String candidate : List.of("/usr/bin/node", "/usr/local/bin/node")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return "node";
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
