package nl.werkproces.lti.ags;

import java.net.URI;

/**
 * Derived AGS URLs. A line item URL may carry a query string (Moodle: {@code .../lineitem?type_id=7}); the
 * scores endpoint extends its path and keep the query.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#score-service-scope-and-allowed-http-methods">AGS
 * 2.0 §3.4.1</a>
 */
final class ServiceUrls {

	private ServiceUrls() {
	}

	static String scores(String lineItemUrl) {
		return extend(lineItemUrl, "/scores");
	}

	private static String extend(String url, String segment) {
		URI uri = URI.create(url);
		String path = (uri.getRawPath() == null) ? "" : uri.getRawPath().replaceAll("/+$", "");
		StringBuilder result = new StringBuilder();
		result.append(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(path).append(segment);
		if (uri.getRawQuery() != null) {
			result.append('?').append(uri.getRawQuery());
		}
		return result.toString();
	}

}
