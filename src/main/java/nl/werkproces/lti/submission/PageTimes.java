package nl.werkproces.lti.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments as the student reads them: "15 januari 2027 om 14:30" in Europe/Amsterdam (English: "at"). */
public final class PageTimes {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private final DateTimeFormatter formatter;

	PageTimes(Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		this.formatter = DateTimeFormatter.ofPattern(english ? "d MMMM uuuu 'at' HH:mm" : "d MMMM uuuu 'om' HH:mm",
				english ? Locale.ENGLISH : Locale.forLanguageTag("nl"))
			.withZone(ZONE);
	}

	public String format(Instant instant) {
		return (instant != null) ? this.formatter.format(instant) : "";
	}

}
