package nl.werkproces.lti.web;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/** Shared web settings: the clock, the language of pages, the logging of client errors. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LocaleResolver localeResolver() {
		return new ToolLocaleResolver();
	}

	/** Ahead of every other filter (the upload limits run at -200, Spring Security at -100). */
	@Bean
	FilterRegistrationBean<MalformedParametersFilter> malformedParametersFilter(MessageSource messages) {
		FilterRegistrationBean<MalformedParametersFilter> registration = new FilterRegistrationBean<>(
				new MalformedParametersFilter(messages));
		registration.setOrder(-300);
		return registration;
	}

	/** Spring's own WARN line per client error (with the parameter's value in it) gives way to {@link ClientErrorLog}. */
	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.stream()
			.filter(DefaultHandlerExceptionResolver.class::isInstance)
			.map(DefaultHandlerExceptionResolver.class::cast)
			.forEach((resolver) -> resolver.setWarnLogCategory(null));
	}

}
