package nl.werkproces.lti.delivery;

/**
 * Why a grade did not reach its platform (yet): stored with each failed attempt so pages can say it in the
 * user's language ({@code delivery.problem.<code>}), next to the technical detail and the platform's own words.
 */
public enum DeliveryProblem {

	PLATFORM_GONE, PLATFORM_DISABLED, GRADE_REFUSED, TOKEN_REFUSED, TOKEN_UNAVAILABLE, UNAUTHORIZED, REQUEST_REFUSED,
	UNAVAILABLE, INVALID_RESPONSE, TOOL_ERROR

}
