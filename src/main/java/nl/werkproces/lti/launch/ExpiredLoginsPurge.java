package nl.werkproces.lti.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired logins, used nonces and launch sessions, and rejected launches older than 30 days, every few
 * minutes (safe on every replica).
 */
@Component
class ExpiredLoginsPurge {

	private static final Logger log = LoggerFactory.getLogger(ExpiredLoginsPurge.class);

	private final LoginStates states;

	private final LaunchSessions sessions;

	private final RejectedLaunches rejections;

	ExpiredLoginsPurge(LoginStates states, LaunchSessions sessions, RejectedLaunches rejections) {
		this.states = states;
		this.sessions = sessions;
		this.rejections = rejections;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void purge() {
		int purged = this.states.purgeExpired() + this.sessions.purgeExpired() + this.rejections.purgeOld();
		if (purged > 0) {
			log.debug("Purged {} expired logins, nonces and launch sessions", purged);
		}
	}

}
