package nl.werkproces.lti.deeplinking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code ltiResourceLink} content item: the activity the platform creates, with the custom values that tell
 * the tool which werkproces it is, and the line item that makes the gradebook column.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dl/v2p0#lti-resource-link">Deep Linking 2.0 §3.1</a>
 */
public record ContentItem(String title, String text, String url, Map<String, String> custom, LineItem lineItem) {

	public ContentItem {
		custom = Map.copyOf(custom);
	}

	Map<String, Object> toClaim() {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("type", DeepLinkingSettings.LTI_RESOURCE_LINK);
		item.put("title", this.title);
		if (this.text != null && !this.text.isBlank()) {
			item.put("text", this.text);
		}
		item.put("url", this.url);
		item.put("custom", new LinkedHashMap<>(this.custom));
		if (this.lineItem != null) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("scoreMaximum", this.lineItem.scoreMaximum());
			line.put("label", this.lineItem.label());
			line.put("resourceId", this.lineItem.resourceId());
			line.put("tag", this.lineItem.tag());
			item.put("lineItem", line);
		}
		return item;
	}

	/** The gradebook column to create: without it Moodle makes no grade item. */
	public record LineItem(double scoreMaximum, String label, String resourceId, String tag) {

	}

}
