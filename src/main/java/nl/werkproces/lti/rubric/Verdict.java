package nl.werkproces.lti.rubric;

/** The outcome of a werkproces judged with a rubric. */
public enum Verdict {

	/** Below the cesuur, or a kritisch criterion below voldoende. */
	ONVOLDOENDE("onvoldoende", "insufficient"),

	/** At or above the cesuur without a knock-out, but not goed. */
	VOLDOENDE("voldoende", "sufficient"),

	/** At least 85 % of the maximum and no criterion below voldoende. */
	GOED("goed", "good");

	private final String dutch;

	private final String english;

	Verdict(String dutch, String english) {
		this.dutch = dutch;
		this.english = english;
	}

	/**
	 * The Dutch word, lower case.
	 * @return "onvoldoende", "voldoende" or "goed"
	 */
	public String dutch() {
		return this.dutch;
	}

	/**
	 * The English word, lower case.
	 * @return "insufficient", "sufficient" or "good"
	 */
	public String english() {
		return this.english;
	}

}
