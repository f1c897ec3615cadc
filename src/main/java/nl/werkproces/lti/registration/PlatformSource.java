package nl.werkproces.lti.registration;

/** Where a platform registration came from. */
public enum PlatformSource {

	/** The platforms file named by {@code lti.platforms-file}. */
	FILE,
	/** The built-in demo platform. */
	DEMO,
	/** Entered by a tool admin. */
	ADMIN,
	/** LTI Dynamic Registration. */
	DYNAMIC

}
