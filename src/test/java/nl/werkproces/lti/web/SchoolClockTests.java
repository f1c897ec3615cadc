package nl.werkproces.lti.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolClockTests {

	private final SchoolClock amsterdam = new SchoolClock(new SchoolClockProperties(ZoneId.of("Europe/Amsterdam")));

	@Test
	void momentIsShownInTheSchoolsZoneWithTheZoneNamedInTheReadersLanguage() {
		Instant summer = Instant.parse("2027-06-30T22:15:00Z");
		assertThat(this.amsterdam.format(summer, Locale.forLanguageTag("nl")))
			.isEqualTo("1 juli 2027 00:15 (Midden-Europese tijd)");
		assertThat(this.amsterdam.format(summer, Locale.forLanguageTag("en-GB")))
			.isEqualTo("1 July 2027 00:15 (Central European Time)");
		assertThat(this.amsterdam.format(null, Locale.ENGLISH)).isEmpty();
	}

	@Test
	void dueDateEndsAtOneMinuteBeforeMidnightInTheConfiguredZone() {
		assertThat(this.amsterdam.endOf(LocalDate.of(2027, 1, 15))).isEqualTo(Instant.parse("2027-01-15T22:59:00Z"));
		SchoolClock curacao = new SchoolClock(new SchoolClockProperties(ZoneId.of("America/Curacao")));
		assertThat(curacao.endOf(LocalDate.of(2027, 1, 15))).isEqualTo(Instant.parse("2027-01-16T03:59:00Z"));
		assertThat(curacao.format(Instant.parse("2027-01-16T03:59:00Z"), Locale.forLanguageTag("nl")))
			.startsWith("15 januari 2027 23:59 (");
	}

}
