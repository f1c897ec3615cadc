package nl.werkproces.lti.services;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code rel="next"} page in HTTP {@code Link} headers (RFC 8288), leniently: Moodle's line item
 * container writes the rel quotes as curly quotes (which arrive as UTF-8 bytes read as Latin-1) and the URLs
 * HTML-escaped ({@code &amp;}). Following such a URL literally returns the first page again.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#container-request-filters">AGS 2.0 §3.2.5</a>
 */
public final class LinkHeaders {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");

	private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*[^A-Za-z;,]*([A-Za-z][A-Za-z0-9 .:/-]*)");

	private LinkHeaders() {
	}

	/** The next page's absolute URL, resolved against the current page's URL. */
	public static Optional<String> next(List<String> linkHeaders, String currentUrl) {
		for (String header : linkHeaders) {
			Matcher link = LINK.matcher(header);
			while (link.find()) {
				Matcher rel = REL.matcher(link.group(2));
				if (rel.find() && List.of(rel.group(1).trim().toLowerCase().split("\\s+")).contains("next")) {
					return Optional.of(resolve(currentUrl, unescape(link.group(1).trim())));
				}
			}
		}
		return Optional.empty();
	}

	private static String unescape(String url) {
		return url.replace("&amp;", "&");
	}

	private static String resolve(String base, String url) {
		try {
			return URI.create(base).resolve(url).toString();
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

}
