package nl.werkproces.lti.activity;

import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.launch.LaunchSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The activity of the current launch: the one bound to the session's resource link, binding a deep-linked
 * activity on its first launch (custom value {@value #SETUP_KEY}). Always scoped to the session's platform.
 */
@Component
public class CurrentActivity {

	/** Custom parameter of deep-linked content items that names the pending activity. */
	public static final String SETUP_KEY = "werkproces_setup";

	private final Activities activities;

	private final JsonMapper json;

	CurrentActivity(Activities activities, JsonMapper json) {
		this.activities = activities;
		this.json = json;
	}

	/** The activity, or empty when the resource link is not set up yet (or the launch has no resource link). */
	public Optional<Activity> of(LaunchSession session) {
		if (session.resourceLink() == null) {
			return Optional.empty();
		}
		return this.activities.bind(session.platformId(), session.resourceLink().id(), setupKey(session));
	}

	/** The activity, or 404 when there is none: for pages that need one. */
	public Activity require(LaunchSession session) {
		return of(session).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * New content the teacher chose in Moodle for this activity that was not taken because work was already
	 * handed in or graded; the teacher's pages say why.
	 */
	public Optional<Activity> newerSetupKept(LaunchSession session, Activity bound) {
		return this.activities.newerSetupKept(bound, setupKey(session));
	}

	private String setupKey(LaunchSession session) {
		if (session.custom() == null) {
			return null;
		}
		try {
			Map<?, ?> custom = this.json.readValue(session.custom(), Map.class);
			Object key = custom.get(SETUP_KEY);
			return (key != null) ? String.valueOf(key) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
