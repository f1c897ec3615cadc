package nl.werkproces.lti.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.TestLaunches;
import nl.werkproces.lti.testing.ToolBrowser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measures complete launches (login initiation + launch, over HTTP, signed by the simulator) and prints
 * latency percentiles and throughput. Not part of the test suite; run with
 * {@code ./mvnw test -Dgroups=benchmark -Dtest=LaunchBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and record
 * the figures in BENCHMARKS.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.nl.werkproces.lti=WARN")
class LaunchBenchmark {

	private static final int WARMUP = 200;

	private static final int LAUNCHES = 1000;

	private static final int THREADS = 4;

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Test
	void launches() throws Exception {
		try (PlatformSimulator platform = PlatformSimulator.start()) {
			this.registrations.register(platform.settings(), PlatformSource.ADMIN);
			String base = "http://localhost:" + this.port;
			run(platform, base, WARMUP, 1);
			long[] sequential = run(platform, base, LAUNCHES, 1);
			long start = System.nanoTime();
			long[] concurrent = run(platform, base, LAUNCHES, THREADS);
			double seconds = (System.nanoTime() - start) / 1e9;
			report("sequential (1 thread)", sequential, Double.NaN);
			report("concurrent (" + THREADS + " threads)", concurrent, LAUNCHES / seconds);
			System.out.printf("JWKS fetches for %d launches: %d%n", WARMUP + 2 * LAUNCHES, platform.jwksFetches());
		}
	}

	private long[] run(PlatformSimulator platform, String base, int count, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<long[]>> parts = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int share = count / threads;
				parts.add(pool.submit(() -> {
					ToolBrowser browser = new ToolBrowser(base);
					long[] times = new long[share];
					for (int i = 0; i < share; i++) {
						long begin = System.nanoTime();
						ToolBrowser.LoginRedirect login = browser.initiateLogin(platform);
						long loginTime = System.nanoTime() - begin;
						// the platform's signing is not the tool's time: measured apart
						String token = platform.sign(TestLaunches.resourceLink(platform, base).claims(login.nonce()));
						long signed = System.nanoTime();
						var response = browser.launch(token, login.state());
						if (response.statusCode() != 303) {
							throw new IllegalStateException("launch answered " + response.statusCode());
						}
						times[i] = loginTime + (System.nanoTime() - signed);
					}
					return times;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<long[]> part : parts) {
				Arrays.stream(part.get()).forEach(all::add);
			}
			return all.stream().mapToLong(Long::longValue).sorted().toArray();
		}
		finally {
			pool.shutdown();
		}
	}

	private static void report(String label, long[] sorted, double perSecond) {
		System.out.printf("%s: n=%d login + launch p50=%.2f ms p90=%.2f ms p99=%.2f ms%s%n", label, sorted.length,
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
				sorted[(int) (sorted.length * 0.99)] / 1e6,
				Double.isNaN(perSecond) ? "" : String.format(", %.0f complete launches/s", perSecond));
	}

}
