package nl.werkproces.lti.admin;

import nl.werkproces.lti.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.http.HttpStatus;

/**
 * Tool admin sign-in, separate from LTI launches: form login with an HTTP session at {@code /admin/login}, CSRF,
 * session timeout ({@code server.servlet.session.timeout}), sign-in throttling and auditing ({@link LoginAttempts}),
 * {@code Referrer-Policy: no-referrer} and a {@code Permissions-Policy} that allows no device feature. The
 * command-line API under {@code /api/admin} takes HTTP Basic without a browser challenge (so browsers never hold ambient credentials).
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	/** Admin pages use no device features at all. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApiSecurity(HttpSecurity http, AdminUsers users, PasswordEncoder encoder,
			LoginAttempts attempts, AuditLog audit) {
		http.securityMatcher("/api/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(AdminUsers.ROLE))
			.authenticationManager(manager(users, encoder, attempts, audit, "basic"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session
				.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminPageSecurity(HttpSecurity http, AdminUsers users, PasswordEncoder encoder,
			LoginAttempts attempts, AuditLog audit) {
		http.securityMatcher("/admin", "/admin/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin/login")
				.permitAll()
				.anyRequest()
				.hasRole(AdminUsers.ROLE))
			.authenticationManager(manager(users, encoder, attempts, audit, "form"))
			.formLogin((form) -> form.loginPage("/admin/login")
				.defaultSuccessUrl("/admin", true)
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
						+ "/admin/login?" + ((ex instanceof org.springframework.security.authentication.LockedException)
								? "locked" : "error"))))
			.logout((logout) -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	private static ProviderManager manager(AdminUsers users, PasswordEncoder encoder, LoginAttempts attempts,
			AuditLog audit, String channel) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new ProviderManager(new RateLimitedAuthenticationProvider(passwords, attempts, users, audit, channel));
	}

}
