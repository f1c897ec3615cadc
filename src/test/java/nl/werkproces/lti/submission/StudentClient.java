package nl.werkproces.lti.submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A student's browser whose cookie carries the launch session (the {@code lti_session} cookie the launch set, sent
 * with every request; URLs carry nothing); posts the hand-in form to the action the page gives, with the CSRF token
 * from the page's hidden field in the multipart body, as a browser submits the form.
 */
final class StudentClient {

	private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" enctype=\"multipart/form-data\""
			+ "[^>]*action=\"([^\"]+)\"");

	private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final String sessionId;

	private final String language;

	private volatile String csrf;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	StudentClient(String baseUrl, String sessionId, String language) {
		this.baseUrl = baseUrl;
		this.sessionId = sessionId;
		this.language = language;
	}

	String sessionId() {
		return this.sessionId;
	}

	HttpResponse<String> page() {
		return get("/app/student");
	}

	HttpResponse<String> receipt() {
		return get("/app/student/receipt");
	}

	HttpResponse<byte[]> file(long id) {
		return send(request("/app/student/files/" + id).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Any page or file of the session as bytes (a teacher's session too: the cookie is all it sends). */
	HttpResponse<byte[]> download(String path) {
		return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF_FIELD.matcher(response.body());
		if (csrf.find()) {
			this.csrf = csrf.group(1);
		}
		return response;
	}

	/** The CSRF token of the hand-in form as the last page showed it (read from the assignment page if none yet). */
	String csrf() {
		if (this.csrf == null) {
			page();
		}
		if (this.csrf == null) {
			throw new AssertionError("no CSRF field on the assignment page");
		}
		return this.csrf;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept-Language", this.language)
			.header("Cookie", "lti_session=" + this.sessionId);
	}

	/** Fills in the hand-in form of the assignment page and submits it. */
	HttpResponse<String> handIn(MultipartForm form) {
		String page = page().body();
		Matcher action = FORM_ACTION.matcher(page);
		if (!action.find()) {
			throw new AssertionError("no hand-in form on the page:\n" + page);
		}
		return post(action.group(1).replace("&amp;", "&"), form);
	}

	/** Posts the form with the page's CSRF token as one more field of the body. */
	HttpResponse<String> post(String path, MultipartForm form) {
		return postWithoutCsrf(path, form.copy().field("_csrf", csrf()));
	}

	/** Posts the form as it is (a forged form on another site has no CSRF token). */
	HttpResponse<String> postWithoutCsrf(String path, MultipartForm form) {
		return send(request(path).header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a raw body under any content type (for bodies that are not what they claim). */
	HttpResponse<String> post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
