package nl.werkproces.lti.launch;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web settings of the launch endpoints. */
@Configuration(proxyBeanMethods = false)
class LaunchWebConfiguration implements WebMvcConfigurer {

	private final LaunchProperties properties;

	LaunchWebConfiguration(LaunchProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LaunchFormSizeInterceptor(this.properties)).addPathPatterns("/lti/login", "/lti/launch");
	}

}
