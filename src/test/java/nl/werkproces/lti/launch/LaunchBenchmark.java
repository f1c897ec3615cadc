package nl.werkproces.lti.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Launch load driver: virtual users, each with its own cookies and its own platform user, play a Moodle-style
 * class clicking the activity. One complete launch is the login initiation POST, the id_token signed by the
 * platform simulator (real RS256 key; not counted in the latency), the launch POST and the first page (GET
 * {@code /app...}, redirects followed to the 200 page). After a warm-up it runs at each concurrency of
 * {@code bench.concurrency} and prints launches/s, p50/p90/p99 latency, errors, the tool's CPU and allocation per
 * launch, and the heap; the rows are also appended to {@code target/launch-benchmark.md}.
 * <p>
 * The driver runs in the server's JVM, so the tool's CPU is measured without it: the driver's threads are named
 * {@code bench-*} (virtual users and the shared JDK {@code HttpClient}'s executor) or {@code HttpClient-*} (its
 * selector), and their CPU time (ThreadMXBean) is subtracted from the process CPU time. "tool CPU" is that
 * difference: the server's request threads plus GC, JIT and other VM work (GC of the driver's own garbage included,
 * so it errs high). "request threads" is the part spent in the tool's Java threads alone.
 * <p>
 * On a shared machine a CPU millisecond buys less work (other processes' cache and memory traffic, a busy
 * hypervisor), so after each run the driver times a fixed piece of work (SHA-256 and small maps, single thread,
 * median of five) as "calibration": the launch CPU divided by it is comparable between runs at different loads
 * (column "tool CPU / calibration"); on an idle machine the calibration itself is the reference.
 * <p>
 * Not part of {@code ./mvnw verify} (tag {@code benchmark}). Run on H2:
 * {@code ./mvnw -B -ntp -q test -Dgroups=benchmark -Dtest.excludedGroups= -Dtest=LaunchBenchmark} and on MariaDB add
 * {@code -Dtest.database=mysql} with {@code TEST_MYSQL_URL} set. Options: {@code -Dbench.warmup=4000}
 * (launches), {@code -Dbench.launches=3000} (per concurrency), {@code -Dbench.concurrency=1,8,32}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.grades.scheduled=false", "spring.datasource.hikari.maximum-pool-size=10",
				// one address drives every virtual user: the per-address login limit is for real clients
				"lti.launch.logins-per-address=1000000" })
class LaunchBenchmark {

	private static final int WARMUP = Integer.getInteger("bench.warmup", 4000);

	private static final int LAUNCHES = Integer.getInteger("bench.launches", 3000);

	private static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.concurrency", "1,8,32").split(","))
		.mapToInt((c) -> Integer.parseInt(c.trim()))
		.toArray();

	private static final Path REPORT = Path.of("target", "launch-benchmark.md");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Test
	void launches() throws Exception {
		AtomicInteger threadNumber = new AtomicInteger();
		ThreadFactory benchThreads = (task) -> {
			Thread thread = new Thread(task, "bench-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ExecutorService httpExecutor = Executors.newCachedThreadPool(benchThreads);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(httpExecutor)
			.build();
		String database = System.getProperty("test.database", "h2");
		try (PlatformSimulator platform = PlatformSimulator.start()) {
			this.registrations.register(platform.settings(), PlatformSource.ADMIN);
			Driver driver = new Driver(http, platform, "http://localhost:" + this.port, benchThreads);
			driver.run(WARMUP, 8);
			List<String> rows = new ArrayList<>();
			for (int concurrency : CONCURRENCY) {
				rows.add(driver.measure(LAUNCHES, concurrency).row(database));
			}
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			String heap = String.format("heap after the run (after a GC): %.0f MB used, %.0f MB committed, %s",
					memory.getHeapMemoryUsage().getUsed() / 1e6, memory.getHeapMemoryUsage().getCommitted() / 1e6,
					ManagementFactory.getGarbageCollectorMXBeans()
						.stream()
						.map((gc) -> gc.getName() + " " + gc.getCollectionCount() + "×/" + gc.getCollectionTime() + " ms")
						.collect(Collectors.joining(", ")));
			StringBuilder report = new StringBuilder();
			report.append(String.format("%n%s, %s, %d cores, load %.1f at the end, JDK %s, warm-up %d launches, JWKS fetches %d%n",
					Instant.now(), database, Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version(), WARMUP,
					platform.jwksFetches()));
			report.append("| db | c | launches | errors | launches/s | p50 | p90 | p99 | tool CPU/launch | request threads CPU/launch | driver CPU/launch | tool alloc/launch | calibration | tool CPU / calibration |\n");
			report.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			rows.forEach((row) -> report.append(row).append('\n'));
			report.append(heap).append('\n');
			System.out.println("LAUNCH BENCHMARK" + report);
			Files.createDirectories(REPORT.getParent());
			Files.writeString(REPORT, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		finally {
			httpExecutor.shutdownNow();
		}
	}

	/** Runs virtual users against the tool and measures them. */
	private static final class Driver {

		private final HttpClient http;

		private final PlatformSimulator platform;

		private final String base;

		private final ThreadFactory threads;

		private final AtomicInteger users = new AtomicInteger();

		Driver(HttpClient http, PlatformSimulator platform, String base, ThreadFactory threads) {
			this.http = http;
			this.platform = platform;
			this.base = base;
			this.threads = threads;
		}

		Result measure(int launches, int concurrency) throws Exception {
			CpuSnapshot before = CpuSnapshot.take();
			long start = System.nanoTime();
			Outcome outcome = run(launches, concurrency);
			long elapsed = System.nanoTime() - start;
			CpuSnapshot after = CpuSnapshot.take();
			return new Result(concurrency, outcome, elapsed, before, after, calibration());
		}

		/** Median CPU time of five runs of a fixed piece of work on this thread. */
		private static long calibration() throws Exception {
			ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
			long[] times = new long[5];
			java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
			byte[] data = new byte[4096];
			int sink = 0;
			for (int run = 0; run < times.length; run++) {
				long start = bean.getCurrentThreadCpuTime();
				for (int i = 0; i < 300; i++) {
					sha.update(data);
					data[i % data.length] = sha.digest()[0];
					Map<String, Object> map = new HashMap<>();
					for (int k = 0; k < 20; k++) {
						map.put("claim-" + k + "-" + i, k);
					}
					sink += map.size();
				}
				times[run] = bean.getCurrentThreadCpuTime() - start;
			}
			Arrays.sort(times);
			return times[2] + (sink & 0);
		}

		Outcome run(int launches, int concurrency) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(concurrency, this.threads);
			AtomicInteger remaining = new AtomicInteger(launches);
			AtomicInteger errors = new AtomicInteger();
			try {
				List<Future<long[]>> parts = new ArrayList<>();
				for (int u = 0; u < concurrency; u++) {
					VirtualUser user = new VirtualUser(this, "bench-user-" + this.users.incrementAndGet());
					parts.add(pool.submit(() -> {
						long[] times = new long[launches];
						int n = 0;
						while (remaining.getAndDecrement() > 0) {
							try {
								times[n++] = user.launch();
							}
							catch (RuntimeException ex) {
								n--;
								if (errors.incrementAndGet() <= 5) {
									System.err.println("launch failed: " + ex.getMessage());
								}
							}
						}
						return Arrays.copyOf(times, n);
					}));
				}
				List<long[]> all = new ArrayList<>();
				for (Future<long[]> part : parts) {
					all.add(part.get());
				}
				long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
				return new Outcome(sorted, errors.get());
			}
			finally {
				pool.shutdown();
			}
		}

	}

	/** One browser with its own cookie jar, launched again and again by one platform user. */
	private static final class VirtualUser {

		private final Driver driver;

		private final String subject;

		private final Map<String, String> cookies = new LinkedHashMap<>();

		VirtualUser(Driver driver, String subject) {
			this.driver = driver;
			this.subject = subject;
		}

		/** One complete launch; returns the tool's time in nanoseconds (the platform's signing excluded). */
		long launch() {
			PlatformSimulator platform = this.driver.platform;
			long begin = System.nanoTime();
			HttpResponse<Void> login = post("/lti/login",
					Map.of("iss", platform.issuer(), "target_link_uri", this.driver.base + "/lti/launch", "login_hint",
							this.subject, "lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_339429064\"}",
							"client_id", PlatformSimulator.CLIENT_ID, "lti_deployment_id", PlatformSimulator.DEPLOYMENT_ID));
			expect(login, 302, "login");
			Map<String, String> authorization = query(login.headers().firstValue("Location").orElseThrow());
			long loginTime = System.nanoTime() - begin;
			String idToken = platform.sign(TestLaunches.resourceLink(platform, this.driver.base)
				.with("sub", this.subject)
				.with("name", "Student " + this.subject)
				.claims(authorization.get("nonce")));
			long signed = System.nanoTime();
			HttpResponse<Void> launch = post("/lti/launch", Map.of("id_token", idToken, "state", authorization.get("state")));
			expect(launch, 303, "launch");
			URI page = URI.create(this.driver.base).resolve(launch.headers().firstValue("Location").orElseThrow());
			HttpResponse<Void> response = get(page);
			for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
				page = page.resolve(response.headers().firstValue("Location").orElseThrow());
				response = get(page);
			}
			expect(response, 200, "first page " + page.getPath());
			return loginTime + (System.nanoTime() - signed);
		}

		private HttpResponse<Void> post(String path, Map<String, String> form) {
			String body = form.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(this.driver.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpResponse<Void> get(URI uri) {
			return send(HttpRequest.newBuilder(uri).GET());
		}

		private HttpResponse<Void> send(HttpRequest.Builder request) {
			request.header("Accept-Language", "nl");
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", this.cookies.entrySet()
					.stream()
					.map((c) -> c.getKey() + "=" + c.getValue())
					.collect(Collectors.joining("; ")));
			}
			try {
				HttpResponse<Void> response = this.driver.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
				for (String header : response.headers().allValues("Set-Cookie")) {
					String pair = header.split(";", 2)[0];
					int equals = pair.indexOf('=');
					String name = pair.substring(0, equals).trim();
					String value = pair.substring(equals + 1).trim();
					if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
						this.cookies.remove(name);
					}
					else {
						this.cookies.put(name, value);
					}
				}
				return response;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static void expect(HttpResponse<?> response, int status, String step) {
			if (response.statusCode() != status) {
				throw new IllegalStateException(step + " answered " + response.statusCode());
			}
		}

		private static Map<String, String> query(String location) {
			Map<String, String> parameters = new HashMap<>();
			for (String pair : URI.create(location).getRawQuery().split("&")) {
				String[] kv = pair.split("=", 2);
				parameters.put(kv[0], URLDecoder.decode((kv.length > 1) ? kv[1] : "", StandardCharsets.UTF_8));
			}
			return parameters;
		}

	}

	private record Outcome(long[] sortedNanos, int errors) {

		double percentile(double p) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			return this.sortedNanos[Math.min(this.sortedNanos.length - 1, (int) (this.sortedNanos.length * p))] / 1e6;
		}

	}

	/** Process CPU time and, per live thread, CPU time and allocated bytes, split into driver and tool. */
	private record CpuSnapshot(long processCpu, Map<Long, long[]> threads, Map<Long, Boolean> driver) {

		static CpuSnapshot take() {
			ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
			long[] ids = bean.getAllThreadIds();
			long[] cpu = bean.getThreadCpuTime(ids);
			long[] allocated = bean.getThreadAllocatedBytes(ids);
			Map<Long, long[]> threads = new HashMap<>();
			Map<Long, Boolean> driver = new HashMap<>();
			var infos = bean.getThreadInfo(ids);
			for (int i = 0; i < ids.length; i++) {
				if (infos[i] == null || cpu[i] < 0) {
					continue;
				}
				String name = infos[i].getThreadName();
				threads.put(ids[i], new long[] { cpu[i], allocated[i] });
				driver.put(ids[i], name.startsWith("bench-") || name.startsWith("HttpClient-")
						|| Thread.currentThread().getId() == ids[i]);
			}
			OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			return new CpuSnapshot(os.getProcessCpuTime(), threads, driver);
		}

		/** CPU nanoseconds and allocated bytes since {@code before}: [driver cpu, tool cpu, tool bytes]. */
		long[] since(CpuSnapshot before) {
			long[] sums = new long[3];
			this.threads.forEach((id, now) -> {
				long[] then = before.threads.getOrDefault(id, new long[2]);
				if (this.driver.get(id)) {
					sums[0] += now[0] - then[0];
				}
				else {
					sums[1] += now[0] - then[0];
					sums[2] += now[1] - then[1];
				}
			});
			return sums;
		}

	}

	private record Result(int concurrency, Outcome outcome, long elapsedNanos, CpuSnapshot before, CpuSnapshot after,
			long calibrationNanos) {

		String row(String database) {
			int launches = this.outcome.sortedNanos().length;
			long[] sums = this.after.since(this.before);
			long processCpu = this.after.processCpu() - this.before.processCpu();
			double perLaunch = Math.max(launches, 1);
			return String.format("| %s | %d | %d | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.2f ms | %.2f ms | %.2f ms | %.0f kB | %.2f ms | %.2f |",
					database, this.concurrency, launches, this.outcome.errors(), launches / (this.elapsedNanos / 1e9),
					this.outcome.percentile(0.5), this.outcome.percentile(0.9), this.outcome.percentile(0.99),
					(processCpu - sums[0]) / 1e6 / perLaunch, sums[1] / 1e6 / perLaunch, sums[0] / 1e6 / perLaunch,
					sums[2] / 1e3 / perLaunch, this.calibrationNanos / 1e6,
					(processCpu - sums[0]) / perLaunch / this.calibrationNanos);
		}

	}

}
