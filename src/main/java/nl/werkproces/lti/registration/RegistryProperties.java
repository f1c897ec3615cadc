package nl.werkproces.lti.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the in-memory platform registry follows the database.
 *
 * @param refreshInterval how often every replica re-reads the registrations (changes made on another replica
 * reach this one within this time; changes on this replica apply at once)
 * @param missReloadInterval a lookup that finds no platform re-reads the registrations at most this often
 */
@Validated
@ConfigurationProperties("lti.platform-registry")
public record RegistryProperties(@DefaultValue("15s") Duration refreshInterval,
		@DefaultValue("2s") Duration missReloadInterval) {

}
