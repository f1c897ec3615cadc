package nl.werkproces.lti.deeplinking;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's {@code deep_linking_settings} of a Deep Linking request: where to send the answer, what it
 * accepts, and the opaque {@code data} to echo.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-settings">Deep Linking 2.0 §4.4.1</a>
 */
public record DeepLinkingSettings(String returnUrl, List<String> acceptTypes, boolean acceptMultiple, String data,
		String title) {

	public static final String LTI_RESOURCE_LINK = "ltiResourceLink";

	/** Reads the settings stored with a launch session; {@code null} when absent or without a return URL. */
	public static DeepLinkingSettings parse(String storedJson, JsonMapper json) {
		if (storedJson == null || storedJson.isBlank()) {
			return null;
		}
		Map<?, ?> settings;
		try {
			settings = json.readValue(storedJson, Map.class);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (!(settings.get("deep_link_return_url") instanceof String returnUrl) || returnUrl.isBlank()) {
			return null;
		}
		List<String> types = (settings.get("accept_types") instanceof List<?> list)
				? list.stream().map(String::valueOf).toList() : List.of();
		boolean multiple = Boolean.TRUE.equals(settings.get("accept_multiple"))
				|| "true".equals(String.valueOf(settings.get("accept_multiple")));
		Object data = settings.get("data");
		Object title = settings.get("title");
		return new DeepLinkingSettings(returnUrl, types, multiple, (data != null) ? String.valueOf(data) : null,
				(title != null) ? String.valueOf(title) : null);
	}

	public boolean acceptsResourceLinks() {
		return this.acceptTypes.isEmpty() || this.acceptTypes.contains(LTI_RESOURCE_LINK);
	}

}
