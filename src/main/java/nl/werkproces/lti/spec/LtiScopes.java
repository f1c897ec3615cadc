package nl.werkproces.lti.spec;

/**
 * OAuth 2 scopes of the LTI Advantage services.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#scope-and-allowed-http-methods">AGS 2.0 §3.1</a>
 * @see <a href="https://www.imsglobal.org/spec/lti-nrps/v2p0">NRPS 2.0</a>
 */
public final class LtiScopes {

	public static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	public static final String LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

	public static final String RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

	public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	public static final String NRPS_MEMBERSHIP_READONLY = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	private LtiScopes() {
	}

}
