package nl.werkproces.lti.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in demo platform.
 *
 * @param enabled whether {@code /demo} serves an LTI 1.3 platform simulator registered like any platform (on for
 * local runs, off in production)
 */
@ConfigurationProperties("lti.demo")
public record DemoProperties(boolean enabled) {

}
