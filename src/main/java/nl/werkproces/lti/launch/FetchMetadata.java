package nl.werkproces.lti.launch;

import jakarta.servlet.http.HttpServletRequest;

import nl.werkproces.lti.web.BrowserCookies;

/**
 * What the browser's fetch metadata ({@code Sec-Fetch-Dest}, {@code Sec-Fetch-Site}) says about a navigation to the
 * tool. A client that sends none (platform simulators, load drivers, old browsers) counts as top-level.
 *
 * @see <a href="https://www.w3.org/TR/fetch-metadata/">Fetch Metadata Request Headers</a>
 */
final class FetchMetadata {

	private FetchMetadata() {
	}

	/**
	 * Whether the tool is loaded in a frame of another site: only there can the browser refuse the tool's cookies
	 * (third-party cookies), so only there must the login check them before leaving for the platform.
	 */
	static boolean crossSiteFrame(HttpServletRequest request) {
		String dest = request.getHeader("Sec-Fetch-Dest");
		return ("iframe".equals(dest) || "frame".equals(dest)) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
	}

	/**
	 * Whether the request comes from one of the tool's own pages: {@code Origin} is the tool's, and fetch metadata,
	 * when sent, says same-origin. A cross-site form cannot pretend either.
	 */
	static boolean fromOwnPage(HttpServletRequest request, String toolOrigin) {
		String site = request.getHeader("Sec-Fetch-Site");
		return toolOrigin.equals(request.getHeader("Origin")) && (site == null || "same-origin".equals(site));
	}

	/** Why a launch's cookie did not come back: over plain http off loopback it cannot cross sites at all. */
	static LaunchFailure whenNoCookie(HttpServletRequest request) {
		return BrowserCookies.crossSiteCapable(request) ? LaunchFailure.STATE_COOKIE_MISSING
				: LaunchFailure.CROSS_SITE_WITHOUT_TLS;
	}

}
