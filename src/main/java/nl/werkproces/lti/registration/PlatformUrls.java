package nl.werkproces.lti.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a platform's URLs are compared: always as parsed URLs, never as strings. Same scheme, host and port
 * (default ports normalised), no user info, and {@code https} unless the host is loopback (127.0.0.0/8, ::1,
 * localhost). An issuer's path is a prefix of another URL's path only as whole segments, so
 * {@code https://moodle.school.nl/moodle} owns {@code /moodle/mod/lti/…} but not {@code /moodle2/…}, and
 * {@code https://moodle.school.nl.attacker.tld} is never {@code https://moodle.school.nl}.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dr/v1p0">Dynamic Registration 1.0: the issuer must match the
 * configuration URL</a>
 */
public final class PlatformUrls {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private PlatformUrls() {
	}

	/**
	 * The URL when it is an absolute {@code https} URL (or {@code http} on a loopback host) with a host and without
	 * user info; empty otherwise.
	 */
	public static Optional<URI> secure(String url) {
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.isOpaque()) {
				return Optional.empty();
			}
			if ("https".equals(scheme) || ("http".equals(scheme) && isLoopback(uri.getHost()))) {
				return Optional.of(uri);
			}
		}
		catch (URISyntaxException ex) {
			// not a URL
		}
		return Optional.empty();
	}

	/** Loopback by its literal name only (no DNS): 127.0.0.0/8, ::1 and localhost. */
	public static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]")) {
			return true;
		}
		Matcher ipv4 = IPV4_LOOPBACK.matcher(name);
		if (!ipv4.matches()) {
			return false;
		}
		for (int group = 1; group <= 3; group++) {
			if (Integer.parseInt(ipv4.group(group)) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the URL lies under the issuer: same origin and the issuer's path a whole-segment prefix of the URL's.
	 * Both must be {@linkplain #secure(String) secure}; an issuer with a query or fragment owns nothing.
	 */
	public static boolean isUnder(String url, String issuer) {
		Optional<URI> candidate = secure(url);
		Optional<URI> owner = secure(issuer);
		if (candidate.isEmpty() || owner.isEmpty() || !sameOrigin(candidate.get(), owner.get())
				|| owner.get().getRawQuery() != null || owner.get().getRawFragment() != null) {
			return false;
		}
		String prefix = withoutTrailingSlash(owner.get().getRawPath());
		String path = candidate.get().normalize().getRawPath();
		if (path.startsWith("/..") || path.toLowerCase(Locale.ROOT).matches(".*%(2e|2f|5c).*")) {
			return false;
		}
		return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/** Whether two issuers are the same platform: same origin and the same path (a trailing slash aside). */
	public static boolean sameIssuer(String issuer, String other) {
		Optional<URI> one = secure(issuer);
		Optional<URI> two = secure(other);
		return one.isPresent() && two.isPresent() && sameOrigin(one.get(), two.get())
				&& withoutTrailingSlash(one.get().getRawPath()).equals(withoutTrailingSlash(two.get().getRawPath()))
				&& one.get().getRawQuery() == null && two.get().getRawQuery() == null;
	}

	/** Whether the URL is {@linkplain #secure(String) secure} and on the host of one of the platform's URLs. */
	public static boolean isOnHostOf(String url, String... platformUrls) {
		Optional<URI> candidate = secure(url);
		if (candidate.isEmpty()) {
			return false;
		}
		for (String platformUrl : platformUrls) {
			Optional<URI> platform = secure(platformUrl);
			if (platform.isPresent() && platform.get().getHost().equalsIgnoreCase(candidate.get().getHost())) {
				return true;
			}
		}
		return false;
	}

	/** {@code scheme://host[:port]}, lower case and without a default port, for a CSP source list. */
	public static String origin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = port(uri);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ((port != defaultPort(scheme)) ? ":" + port : "");
	}

	private static boolean sameOrigin(URI one, URI two) {
		return one.getScheme().equalsIgnoreCase(two.getScheme()) && one.getHost().equalsIgnoreCase(two.getHost())
				&& port(one) == port(two);
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : defaultPort(uri.getScheme().toLowerCase(Locale.ROOT));
	}

	private static int defaultPort(String scheme) {
		return "https".equals(scheme) ? 443 : 80;
	}

	private static String withoutTrailingSlash(String path) {
		String trimmed = (path != null) ? path : "";
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

}
