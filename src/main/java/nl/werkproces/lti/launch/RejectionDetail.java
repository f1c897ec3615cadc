package nl.werkproces.lti.launch;

/**
 * The detail of a refused launch made safe to log and store. It may quote values the client sent (an issuer, a
 * client id, a claim): control characters are replaced so that a crafted value cannot forge log lines, and the text
 * is cut to a length that tells the admin enough.
 */
final class RejectionDetail {

	static final int MAX_LENGTH = 500;

	private RejectionDetail() {
	}

	static String safe(String detail) {
		if (detail == null) {
			return "";
		}
		StringBuilder safe = new StringBuilder(Math.min(detail.length(), MAX_LENGTH));
		detail.codePoints().limit(MAX_LENGTH).forEach((codePoint) -> {
			if (Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029) {
				safe.append('\uFFFD');
			}
			else {
				safe.appendCodePoint(codePoint);
			}
		});
		if (detail.codePointCount(0, detail.length()) > MAX_LENGTH) {
			safe.append('…');
		}
		return safe.toString();
	}

}
