package nl.werkproces.lti.ags;

/**
 * Media types of the Assignment and Grade Services. Moodle answers {@code 400 No handler found} to plain
 * {@code application/json}.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/#media-types-and-schemas">AGS 2.0 §5</a>
 */
public final class AgsMediaTypes {

	public static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";

	public static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	public static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	public static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

	private AgsMediaTypes() {
	}

}
