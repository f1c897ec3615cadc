package nl.werkproces.lti.launch;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of a launch session {@code lsid}, a fresh link token ({@link LaunchLinkTokens}) for links
 * ({@code @{/app/x(lsid=${lsid})}}) and forms (a hidden {@code lsid} field), and {@code sessionCookie}, whether the
 * browser's cookie carries the session. With the cookie {@link LaunchLinkBuilder} leaves {@code lsid} out of every
 * link and form action (URLs carry nothing) and only form bodies carry it ({@link LaunchAuthentication#formToken()});
 * without it links carry it too, so pages keep working in an iframe without third-party cookies.
 */
@ControllerAdvice
class LaunchModelAdvice {

	@ModelAttribute("lsid")
	String lsid() {
		LaunchAuthentication launch = launch();
		return (launch != null) ? launch.formToken() : null;
	}

	@ModelAttribute("sessionCookie")
	boolean sessionCookie() {
		LaunchAuthentication launch = launch();
		return launch != null && launch.fromCookie();
	}

	/** Who is signed in by this launch, for the page header. */
	@ModelAttribute("launchUser")
	String launchUser() {
		LaunchAuthentication launch = launch();
		return (launch != null) ? launch.getPrincipal().user().displayName() : null;
	}

	private static LaunchAuthentication launch() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof LaunchAuthentication launch) ? launch : null;
	}

}
