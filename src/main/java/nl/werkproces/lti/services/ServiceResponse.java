package nl.werkproces.lti.services;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A platform service's answer, read completely: status, the reason phrase of the status line (where Moodle
 * writes its error text), headers and body.
 */
public record ServiceResponse(int status, String reasonPhrase, HttpHeaders headers, String body) {

	private static final Pattern REASON_FIELD = Pattern.compile("\"(?:reason|error|message)\"\\s*:\\s*\"([^\"]+)\"");

	public boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

	public List<String> links() {
		List<String> links = this.headers.get(HttpHeaders.LINK);
		return (links != null) ? links : List.of();
	}

	/**
	 * What the platform said about a refused request, in one short line: its reason phrase when that is more
	 * than the standard one, else the {@code reason} or {@code error} of a JSON body,
	 * else the body (unless empty or {@code []}), else {@code null}.
	 */
	public String platformMessage() {
		String reason = (this.reasonPhrase != null) ? this.reasonPhrase.trim() : "";
		int json = reason.indexOf('{');
		if (json > 0) {
			// Moodle appends the rejected request's JSON to the reason phrase
			reason = reason.substring(0, json).trim();
		}
		if (!reason.isEmpty() && !isStandardReason(this.status, reason)) {
			return ServiceHttp.shorten(reason, 300);
		}
		String text = (this.body != null) ? this.body.trim() : "";
		if (text.isEmpty() || text.equals("[]") || text.equals("{}")) {
			return reason.isEmpty() ? null : reason;
		}
		Matcher field = REASON_FIELD.matcher(text);
		return ServiceHttp.shorten(field.find() ? field.group(1) : text, 300);
	}

	private static boolean isStandardReason(int status, String reason) {
		HttpStatus known = HttpStatus.resolve(status);
		return known != null && known.getReasonPhrase().equalsIgnoreCase(reason);
	}

}
