package nl.werkproces.lti.launch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.ILinkBuilder;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Thymeleaf links without the session parameter where it does not belong: {@code @{/app/x(lsid=${lsid})}} is
 * {@code /app/x} when the browser's cookie carries the session (or the page has no {@code lsid}), so no template
 * needs a condition. Installed on Spring Boot's template engine before its first use.
 */
class LaunchLinkBuilder implements ILinkBuilder {

	private final StandardLinkBuilder standard = new StandardLinkBuilder();

	@Override
	public String getName() {
		return "launch";
	}

	@Override
	public Integer getOrder() {
		return 0;
	}

	@Override
	public String buildLink(IExpressionContext context, String base, Map<String, Object> parameters) {
		if (parameters != null && parameters.containsKey(LaunchSessionCookie.PARAMETER)) {
			Object value = parameters.get(LaunchSessionCookie.PARAMETER);
			if (value == null || (value instanceof String text && text.isEmpty()) || LaunchSessionCookie.fromCookie()) {
				Map<String, Object> rest = new LinkedHashMap<>(parameters);
				rest.remove(LaunchSessionCookie.PARAMETER);
				return this.standard.buildLink(context, base, rest);
			}
		}
		return this.standard.buildLink(context, base, parameters);
	}

	@Component
	static class Installer implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof SpringTemplateEngine engine) {
				engine.setLinkBuilder(new LaunchLinkBuilder());
			}
			return bean;
		}

	}

}
