package nl.werkproces.lti.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone of every time a person reads and of due dates (the school's zone)
 */
@ConfigurationProperties("lti")
public record SchoolClockProperties(@DefaultValue("Europe/Amsterdam") ZoneId timeZone) {

}
