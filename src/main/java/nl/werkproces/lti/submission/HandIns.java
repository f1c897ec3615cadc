package nl.werkproces.lti.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.ags.ActivityProgress;
import nl.werkproces.lti.ags.GradingProgress;
import nl.werkproces.lti.delivery.Grade;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.delivery.GradeTarget;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.storage.FileLocation;
import nl.werkproces.lti.storage.FileStorage;
import nl.werkproces.lti.storage.FileStorageException;
import nl.werkproces.lti.storage.HandInFileStorage;
import nl.werkproces.lti.submission.HandInRefusal.Reason;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A student hands in: checks ({@link HandInChecks}), refuses once grading started, stores text and files in one
 * transaction (late after the due date), and, when the launch has a line item, queues a {@code Submitted} /
 * {@code PendingManual} score in the same transaction, unless a grade was published (Moodle would clear it).
 */
@Service
class HandIns {

	private static final Logger log = LoggerFactory.getLogger(HandIns.class);

	static final int MAX_ATTEMPTS = 5;

	private final HandInChecks checks;

	private final Submissions submissions;

	private final GradingResults gradings;

	private final GradeOutbox outbox;

	private final SubmissionProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final PlatformRegistrations platforms;

	private final HandInFileStorage storage;

	HandIns(HandInChecks checks, Submissions submissions, GradingResults gradings, GradeOutbox outbox,
			SubmissionProperties properties, Clock clock, PlatformTransactionManager transactions, MeterRegistry meters,
			PlatformRegistrations platforms, HandInFileStorage storage) {
		this.meters = meters;
		this.platforms = platforms;
		this.storage = storage;
		this.transaction = new TransactionTemplate(transactions);
		// no gap locks on InnoDB, each statement reads what is committed (see Submissions#replace)
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.checks = checks;
		this.submissions = submissions;
		this.gradings = gradings;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Checks and stores the hand-in in one READ COMMITTED transaction, which is run again (at most
	 * {@value #MAX_ATTEMPTS} times in all) should the database end it as a deadlock victim or on a lock wait timeout.
	 */
	public void handIn(Activity activity, LaunchSession launch, String text, List<Upload> uploads) {
		try {
			handInChecked(activity, launch, text, uploads);
		}
		catch (HandInRefusal refusal) {
			String platform = issuer(launch);
			Counter.builder("lti.handin.refused")
				.description("Hand-ins refused, by reason and platform (issuer)")
				.tag("reason", refusal.reason().name())
				.tag("platform", platform)
				.register(this.meters)
				.increment();
			// logged once, by StudentPage, which shows the refusal
			throw refusal;
		}
	}

	private void handInChecked(Activity activity, LaunchSession launch, String text, List<Upload> uploads) {
		List<StoredFile> checked = this.checks.check(text, uploads);
		List<KeptFile> files = keep(checked);
		for (int attempt = 1;; attempt++) {
			try {
				List<FileLocation> replaced = this.transaction
					.execute((status) -> store(activity, launch, text, files));
				replaced.forEach(this.storage::discard);
				accepted(activity, launch, text, checked);
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == MAX_ATTEMPTS) {
					discard(files);
					throw ex;
				}
				log.info("Hand-in of user {} for activity {} met a lock conflict; attempt {} of {}", launch.user().id(),
						activity.id(), attempt + 1, MAX_ATTEMPTS);
				pause(attempt);
			}
			catch (RuntimeException ex) {
				// nothing of the hand-in was committed: neither may its bytes stay in the object store
				discard(files);
				throw ex;
			}
		}
	}

	/**
	 * Gives the files' bytes to the file storage before the transaction; when the storage fails part-way, what it
	 * took already is removed again and the hand-in is refused (503), the earlier hand-in unchanged.
	 */
	private List<KeptFile> keep(List<StoredFile> files) {
		FileStorage target = this.storage.forNewFiles();
		List<KeptFile> kept = new ArrayList<>();
		try {
			for (StoredFile file : files) {
				kept.add(new KeptFile(file, target.write(file.content(), file.sha256())));
			}
			return kept;
		}
		catch (FileStorageException ex) {
			log.warn("Hand-in not stored [STORAGE_UNAVAILABLE]: {}", ex.getMessage());
			discard(kept);
			throw new HandInRefusal(Reason.STORAGE_UNAVAILABLE);
		}
	}

	private void discard(List<KeptFile> files) {
		files.forEach((file) -> this.storage.discard(file.location()));
	}

	private List<FileLocation> store(Activity activity, LaunchSession launch, String text, List<KeptFile> files) {
		long userId = launch.user().id();
		if (this.gradings.started(activity.id(), launch.platformId(), userId)) {
			throw new HandInRefusal(Reason.GRADING_STARTED);
		}
		Instant now = this.clock.instant();
		boolean late = activity.isLateAt(now);
		String stored = (text != null && !text.isBlank()) ? text.strip() : null;
		List<FileLocation> replaced = this.submissions.replace(activity.id(), launch.platformId(), userId, stored,
				files, now, late);
		postStatus(launch);
		return replaced;
	}

	/** Counts the size of an accepted hand-in and logs it: the platform, sizes and lateness, never names or text. */
	private void accepted(Activity activity, LaunchSession launch, String text, List<StoredFile> files) {
		String platform = issuer(launch);
		long bytes = files.stream().mapToLong((file) -> file.content().length).sum()
				+ ((text != null) ? text.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 0);
		DistributionSummary.builder("lti.handin.size")
			.description("Size of accepted hand-ins: files and text together")
			.baseUnit("bytes")
			.tag("platform", platform)
			.serviceLevelObjectives(100_000, 1_000_000, 5_000_000, 20_000_000, 50_000_000)
			.register(this.meters)
			.record(bytes);
		boolean late = activity.isLateAt(this.clock.instant());
		log.atInfo()
			.addKeyValue("lti.event", "lti.handin")
			.addKeyValue("outcome", "accepted")
			.addKeyValue("platform", platform)
			.addKeyValue("files", files.size())
			.addKeyValue("bytes", bytes)
			.addKeyValue("late", late)
			.log("Hand-in of user {} for activity {} on platform {}: {} files, {} bytes{}", launch.user().id(),
					activity.id(), platform, files.size(), bytes, late ? ", late" : "");
	}

	private String issuer(LaunchSession launch) {
		return this.platforms.findById(launch.platformId()).map(Platform::issuer).orElse("unknown");
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void postStatus(LaunchSession launch) {
		String lineItem = (launch.services() != null) ? launch.services().lineItem() : null;
		if (!this.properties.postStatus() || lineItem == null) {
			return;
		}
		GradeTarget target = GradeTarget.lineItem(launch.platformId(), lineItem);
		String sub = launch.user().subject();
		if (this.outbox.hasPublishedGrade(target, sub)) {
			return;
		}
		this.outbox.enqueue(target,
				new Grade(sub, null, null, null, ActivityProgress.Submitted, GradingProgress.PendingManual));
	}

}
