package nl.werkproces.lti.launch;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of a launch session {@code lsid}: {@code null} when the browser's cookie carries the session (links
 * then carry nothing: {@link LaunchLinkBuilder} drops an {@code lsid} without value, a hidden {@code lsid} field
 * is sent empty and ignored), otherwise a fresh link token ({@link LaunchLinkTokens}) for links
 * ({@code @{/app/x(lsid=${lsid})}}) and forms (a hidden {@code lsid} field), so pages keep working in an iframe
 * without third-party cookies.
 */
@ControllerAdvice
class LaunchModelAdvice {

	@ModelAttribute("lsid")
	String lsid() {
		LaunchAuthentication launch = launch();
		return (launch != null) ? launch.linkToken() : null;
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
