package nl.werkproces.lti.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform registration settings.
 *
 * @param platformsFile YAML file with platform registrations loaded at start-up (empty: none)
 */
@ConfigurationProperties("lti")
public record RegistrationProperties(String platformsFile) {

}
