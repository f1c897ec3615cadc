package nl.werkproces.lti.submission;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link UploadLimitFilter} ahead of Spring Security (whose filter chain has order -100). */
@Configuration(proxyBeanMethods = false)
class SubmissionWebConfiguration {

	@Bean
	FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter() {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter());
		registration.setOrder(-200);
		registration.addUrlPatterns("/app/*");
		return registration;
	}

}
