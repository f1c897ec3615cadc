package nl.werkproces.lti.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in demo platform.
 *
 * @param enabled whether {@code /demo} serves an LTI 1.3 platform simulator registered like any platform (on for
 * local runs, off in production)
 * @param platformBaseUrl where the demo platform's pages and endpoints are addressed (empty: the tool's own base URL);
 * another host name of this server, such as {@code http://127.0.0.1:8080} for a tool at {@code localhost}, puts the
 * platform on another site, as a school's Moodle is
 */
@ConfigurationProperties("lti.demo")
public record DemoProperties(boolean enabled, String platformBaseUrl) {

}
