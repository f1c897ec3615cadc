package nl.werkproces.lti.grading;

import nl.werkproces.lti.launch.LaunchSession;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The teacher's pages are for instructors and administrators of the launch only: 403 for everyone else. */
public final class StaffOnly {

	private StaffOnly() {
	}

	public static LaunchSession require(LaunchSession launch) {
		if (launch == null || !launch.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return launch;
	}

}
