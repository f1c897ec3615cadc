package nl.werkproces.lti.submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A student's browser inside an iframe that blocks third-party cookies: no cookie jar, the launch session only
 * through {@code lsid} in links and forms; posts the hand-in form to the action the page gives.
 */
final class StudentClient {

	private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" enctype=\"multipart/form-data\""
			+ "[^>]*action=\"([^\"]+)\"");

	private final String baseUrl;

	private final String lsid;

	private final String language;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	StudentClient(String baseUrl, String lsid, String language) {
		this.baseUrl = baseUrl;
		this.lsid = lsid;
		this.language = language;
	}

	String lsid() {
		return this.lsid;
	}

	HttpResponse<String> page() {
		return get("/app/student?lsid=" + this.lsid);
	}

	HttpResponse<String> receipt() {
		return get("/app/student/receipt?lsid=" + this.lsid);
	}

	HttpResponse<byte[]> file(long id) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/app/student/files/" + id + "?lsid=" + this.lsid))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept-Language", this.language)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
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

	HttpResponse<String> post(String path, MultipartForm form) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", form.contentType())
			.header("Accept-Language", this.language)
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a raw body under any content type (for bodies that are not what they claim). */
	HttpResponse<String> post(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", contentType)
			.header("Accept-Language", this.language)
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
