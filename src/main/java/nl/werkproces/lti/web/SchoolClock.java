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

	SchoolClock(SchoolClockProperties properties) {
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

	/** The school's calendar day at {@code instant} (templates: {@code ${@schoolClock.dayOf(@clock.instant())}}). */
	public LocalDate dayOf(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	/** When something due on {@code day} is late: after 23:59 of that day in the school's zone. */
	public Instant endOf(LocalDate day) {
		return day.atTime(LocalTime.of(23, 59)).atZone(this.zone).toInstant();
	}

}
