package nl.werkproces.lti.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.launch.LaunchLinkTokens;
import nl.werkproces.lti.launch.LaunchSessionCsrfTokenRepository;
import nl.werkproces.lti.launch.LaunchSessionFilter;
import nl.werkproces.lti.launch.LaunchSessions;
import nl.werkproces.lti.submission.UploadLimitFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * Who may reach what. LTI endpoints are open (they check the platform's signature themselves); pages behind
 * {@code /app} need a launch session; the dossier catalog (public information) is open for reading; admin pages and
 * APIs have their own chains (AdminSecurityConfiguration); everything not listed is refused. CSRF protects every
 * form except the platform's cross-site posts to {@code /lti/login} and {@code /lti/launch}, which state and nonce
 * protect, and the demo platform's server-to-server endpoints (token, AGS, NRPS: client assertion or bearer token,
 * never a form).
 * The Content-Security-Policy, framing included, is written by {@link FrameAncestorsFilter}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * No Micrometer observation per security filter, authentication and authorization (on every chain): they cost
	 * about a tenth of a launch's CPU and most of its allocations, and say nothing that {@code http.server.requests}
	 * and the {@code lti.launch.*} counters do not.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LaunchSessions sessions, LaunchLinkTokens linkTokens,
			FrameAncestorsFilter policies, ManagementPortRequests managementPort) {
		http.authorizeHttpRequests((requests) -> requests
			// metrics only on Actuator's own port, which the Service's public port and the Ingress never reach
			.requestMatchers(new AndRequestMatcher(managementPort,
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/prometheus")))
			.permitAll()
			.requestMatchers("/", "/lti/login", "/lti/login/cookie-check", "/lti/launch", "/lti/register",
					"/.well-known/jwks.json", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/actuator/health",
					"/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/demo", "/demo/**")
			.permitAll()
			.requestMatchers("/app", "/app/**")
			.hasRole("LTI_LAUNCH")
			.requestMatchers(HttpMethod.GET, "/catalog", "/catalog/**", "/api/catalog/**")
			.permitAll()
			.anyRequest()
			.denyAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(new LaunchSessionCsrfTokenRepository())
				// a hand-in the server could not parse (too large, bad file name) has no readable form fields, so no
				// CSRF token either (it travels in the body, never in the URL); no handler runs for it (the dispatcher's
				// multipart check fails first), it can only end in the refusal page
				.requireCsrfProtectionMatcher((request) -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
						&& !(request.getAttribute(UploadLimitFilter.REFUSAL) != null
								&& "/app/student/submission"
									.equals(request.getRequestURI().substring(request.getContextPath().length()))))
				.ignoringRequestMatchers("/lti/login", "/lti/launch", "/demo/platform/token", "/demo/platform/services/**",
						"/demo/platform/deep-linking/return"))
			.addFilterBefore(new LaunchSessionFilter(sessions, linkTokens, policies), CsrfFilter.class)
			.headers((headers) -> headers.frameOptions((frame) -> frame.disable())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			// a launch authenticates each request by its launch session; never keep it in an HTTP session, where it
			// would outlive the launch session and reach the admin pages' chain
			.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> {
					// only the activity's pages need a launch; any other address that reaches here is not the tool's
					if (!NeedsLaunch.matches(request)) {
						log.warn("Request refused [NOT_FOUND]: {} {}", request.getMethod(), ClientErrorLog.path(request));
						response.sendError(404);
						return;
					}
					log.warn("Request refused [NO_LAUNCH_SESSION]: {} {}", request.getMethod(), ClientErrorLog.path(request));
					response.sendError(401);
				})
				.accessDeniedHandler((request, response, ex) -> {
					log.warn("Request refused [{}]: {} {}",
							(ex instanceof CsrfException) ? "CSRF_TOKEN_INVALID" : "ACCESS_DENIED", request.getMethod(),
							ClientErrorLog.path(request));
					response.sendError(403);
				}));
		return http.build();
	}

}
