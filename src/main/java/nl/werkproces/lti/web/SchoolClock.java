package nl.werkproces.lti.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one clock people read: every moment a page shows is in {@code lti.time-zone}, in one format per language,
 * labelled with the zone ("2 december 2026 23:43 (Midden-Europese tijd)", "2 December 2026 23:43 (Central European
 * Time)"); a due date is the end of that day in the same zone. Templates call {@code ${@schoolClock.format(…)}}.
 */
@Component
public class SchoolClock {

	private static final String PATTERN = "d MMMM uuuu HH:mm (vvvv)";

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private final ZoneId zone;

	private final DateTimeFormatter dutch;

	private final DateTimeFormatter english;

	private final java.time.Clock clock;

	SchoolClock(SchoolClockProperties properties) {
		this(properties, java.time.Clock.systemUTC());
	}

	@org.springframework.beans.factory.annotation.Autowired
	SchoolClock(SchoolClockProperties properties, java.time.Clock clock) {
		this.clock = clock;
		this.zone = properties.timeZone();
		this.dutch = DateTimeFormatter.ofPattern(PATTERN, DUTCH).withZone(this.zone);
		this.english = DateTimeFormatter.ofPattern(PATTERN, Locale.ENGLISH).withZone(this.zone);
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** The moment in the current request's language; empty for {@code null}. */
	public String format(Instant instant) {
		return format(instant, LocaleContextHolder.getLocale());
	}

	public String format(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return (english ? this.english : this.dutch).format(instant);
	}

	/** Today on the school's calendar, by the application's one clock (templates: {@code ${@schoolClock.today()}}). */
	public LocalDate today() {
		return dayOf(this.clock.instant());
	}

	/** The school's calendar day at {@code instant}. */
	public LocalDate dayOf(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	/** When something due on {@code day} is late: after 23:59 of that day in the school's zone. */
	public Instant endOf(LocalDate day) {
		return day.atTime(LocalTime.of(23, 59)).atZone(this.zone).toInstant();
	}

}
