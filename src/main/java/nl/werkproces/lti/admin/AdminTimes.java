package nl.werkproces.lti.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the admin pages: the school's time zone, one format. */
final class AdminTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Europe/Amsterdam"));

	private AdminTimes() {
	}

	static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : "";
	}

}
