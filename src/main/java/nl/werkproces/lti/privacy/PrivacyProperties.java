package nl.werkproces.lti.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal data settings ({@code lti.privacy}).
 *
 * @param purgeScheduled whether the retention purge runs on its own (tests drive it)
 * @param purgeInterval time between two runs of the retention purge
 */
@ConfigurationProperties("lti.privacy")
public record PrivacyProperties(@DefaultValue("true") boolean purgeScheduled,
		@DefaultValue("6h") Duration purgeInterval) {

}
