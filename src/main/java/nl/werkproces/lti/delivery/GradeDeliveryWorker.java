package nl.werkproces.lti.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.ags.AgsClient;
import nl.werkproces.lti.delivery.GradeOutboxTable.Due;
import nl.werkproces.lti.registration.PlatformRegistrations;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the due grades of the {@link GradeOutbox}. Each grade is claimed atomically in the database, so replicas
 * share the work and never send the same grade at once, then sent by a {@link GradeDelivery} on one of
 * {@code lti.grades.concurrency} threads, at most {@code lti.grades.per-platform-concurrency} at a time per
 * platform: a slow or dead platform holds only its own slots and never delays another school's grades.
 * <p>
 * Unless {@code lti.grades.scheduled} is false, a dispatcher thread hands out work as long as some is due and
 * slots are free; it wakes at once when a grade is queued on this replica (after the commit), when a delivery
 * ends, and otherwise every {@code lti.grades.poll-interval} (grades queued on other replicas, retries that
 * became due).
 */
@Component
public class GradeDeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GradeDeliveryWorker.class);

	private final String id;

	private final LineItemResolutions resolutions;

	private final GradeOutboxTable table;

	private final GradeDelivery delivery;

	private final GradeDeliveryProperties properties;

	private final Clock clock;

	private final Map<Long, AtomicInteger> inFlightPerPlatform = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Semaphore wake = new Semaphore(0);

	private final Object dispatchLock = new Object();

	private final ExecutorService senders;

	private volatile Thread dispatcher;

	private volatile boolean running;

	private volatile boolean stopping;

	GradeDeliveryWorker(GradeOutboxTable table, LineItemResolutions resolutions, AgsClient ags,
			PlatformRegistrations platforms, GradeDeliveryProperties properties, Clock clock, DeliveryOutcomes outcomes) {
		this.table = table;
		this.resolutions = resolutions;
		this.properties = properties;
		this.clock = clock;
		this.id = properties.workerId(UUID.randomUUID().toString().substring(0, 8));
		this.delivery = new GradeDelivery(this.id, table, resolutions, ags, platforms, properties, clock, outcomes,
				() -> this.stopping);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 60,
				TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new CustomizableThreadFactory("grade-delivery-"));
		executor.allowCoreThreadTimeOut(true);
		this.senders = executor;
	}

	/**
	 * Delivers everything that is due now and waits until it is done (tests and admin tools drive the worker with
	 * this when it is not scheduled). Returns how many grades it sent or tried to send.
	 */
	public int deliverDue() {
		int handled = 0;
		while (true) {
			int started = dispatch();
			handled += started;
			if (started == 0) {
				if (this.inFlight.get() == 0) {
					return handled;
				}
				awaitWake(1000);
			}
		}
	}

	/** Makes the dispatcher look for due grades now. */
	public void wakeUp() {
		this.wake.release();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onGradeQueued(GradeQueued queued) {
		wakeUp();
	}

	/**
	 * Claims as many due grades as there are free slots (overall and per platform) and hands them to the sending
	 * threads. Returns how many it started.
	 */
	int dispatch() {
		synchronized (this.dispatchLock) {
			if (this.stopping) {
				return 0;
			}
			int free = this.properties.concurrency() - this.inFlight.get();
			if (free <= 0) {
				return 0;
			}
			Set<Long> saturated = new HashSet<>();
			this.inFlightPerPlatform.forEach((platform, count) -> {
				if (count.get() >= this.properties.perPlatformConcurrency()) {
					saturated.add(platform);
				}
			});
			Instant now = this.clock.instant();
			List<Due> due = this.table.due(now, Math.min(free, this.properties.batchSize()), saturated);
			int started = 0;
			for (Due grade : due) {
				AtomicInteger platformCount = this.inFlightPerPlatform.computeIfAbsent(grade.platformId(),
						(platform) -> new AtomicInteger());
				if (this.inFlight.get() >= this.properties.concurrency()
						|| platformCount.get() >= this.properties.perPlatformConcurrency()) {
					continue;
				}
				if (!this.table.claim(grade.id(), this.id, now, now.plus(this.properties.claimTimeout()))) {
					continue;
				}
				platformCount.incrementAndGet();
				this.inFlight.incrementAndGet();
				try {
					this.senders.execute(() -> send(grade.id(), platformCount));
				}
				catch (RejectedExecutionException ex) {
					// shutting down: the claim runs out and another worker (or this one after a restart) sends it
					platformCount.decrementAndGet();
					this.inFlight.decrementAndGet();
					return started;
				}
				started++;
			}
			return started;
		}
	}

	private void send(long entryId, AtomicInteger platformCount) {
		try {
			this.table.find(entryId).ifPresent(this.delivery::deliver);
		}
		catch (RuntimeException ex) {
			// the claim runs out and the grade is taken up again
			log.warn("Grade {} not delivered [DELIVERY_ERROR]: {}; it is tried again after the claim timeout", entryId,
					ex.getClass().getSimpleName());
		}
		finally {
			platformCount.decrementAndGet();
			this.inFlight.decrementAndGet();
			wakeUp();
		}
	}

	private void runDispatcher() {
		while (this.running) {
			try {
				if (dispatch() == 0) {
					awaitWake(untilNextAttempt());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Grade delivery paused [DELIVERY_DISPATCH_FAILED]: {}; trying again in {}",
						ex.getClass().getSimpleName(), this.properties.pollInterval());
				awaitWake(this.properties.pollInterval().toMillis());
			}
		}
	}

	/** How long to sleep: until the next retry is due (claimed grades are not yet due), at most the poll interval. */
	private long untilNextAttempt() {
		long poll = this.properties.pollInterval().toMillis();
		Instant next = this.table.nextAttempt().orElse(null);
		if (next == null) {
			return poll;
		}
		long wait = java.time.Duration.between(this.clock.instant(), next).toMillis();
		// a due grade that could not be claimed (held by another worker, or its platform at the limit) is looked
		// at again after a short pause rather than in a busy loop
		return Math.min(poll, Math.max(wait, 50));
	}

	private void awaitWake(long millis) {
		try {
			if (this.wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
				this.wake.drainPermits();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void start() {
		if (!this.properties.scheduled() || this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::runDispatcher, "grade-dispatcher");
		thread.setDaemon(true);
		this.dispatcher = thread;
		thread.start();
	}

	/**
	 * Stops claiming, lets deliveries under way finish for at most {@code lti.grades.shutdown-grace} (a delivery
	 * that has not sent its score yet gives its claim back instead), then interrupts what is left and gives back
	 * every claim this worker still holds, grades and line items: another replica sends them at once instead of
	 * after the claim timeout. A score whose request was cut off may reach the platform twice with the same
	 * timestamp; the platform keeps one (Moodle answers 409 to the second, which counts as delivered).
	 */
	@Override
	public void stop() {
		this.stopping = true;
		this.running = false;
		Thread thread = this.dispatcher;
		if (thread != null) {
			wakeUp();
			try {
				thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.senders.shutdown();
		try {
			if (!this.senders.awaitTermination(this.properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
				this.senders.shutdownNow();
				this.senders.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		releaseClaims();
	}

	private void releaseClaims() {
		try {
			Instant now = this.clock.instant();
			int grades = this.table.releaseClaims(this.id, now);
			int lineItems = this.resolutions.releaseClaims(this.id, now);
			if (grades + lineItems > 0) {
				log.info("Stopping [DELIVERY_CLAIMS_RELEASED]: gave back the claims of {} grade(s) and {} line item(s) "
						+ "for other replicas", grades, lineItems);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Stopping [DELIVERY_CLAIMS_KEPT]: could not give back this worker's claims ({}); they run out "
					+ "after {}", ex.getClass().getSimpleName(), this.properties.claimTimeout());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stops before the web server and the database pool
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
