package nl.werkproces.lti.ags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A gradebook column. The tool sets {@code resourceId} to the werkproces code and {@code label} to its title;
 * {@code id} is the line item URL the platform assigned (with Moodle, a URL with a query string).
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#line-item-service">AGS 2.0 §3.2</a>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LineItem(String id, String label, Double scoreMaximum, String resourceId, String tag,
		String resourceLinkId) {

	/** A line item to create: no id yet. */
	public static LineItem of(String label, double scoreMaximum, String resourceId, String tag) {
		return new LineItem(null, label, scoreMaximum, resourceId, tag, null);
	}

}
