package nl.werkproces.lti.submission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body as a browser sends it, for hand-in tests over real HTTP. */
final class MultipartForm {

	private final String boundary;

	MultipartForm() {
		this("----form" + UUID.randomUUID().toString().replace("-", ""));
	}

	private MultipartForm(String boundary) {
		this.boundary = boundary;
	}

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	MultipartForm field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
		this.body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		write("\r\n");
		return this;
	}

	MultipartForm file(String name, String filename, String contentType, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	/** The same parts under the same boundary, to add to without changing this form. */
	MultipartForm copy() {
		MultipartForm copy = new MultipartForm(this.boundary);
		copy.body.writeBytes(this.body.toByteArray());
		return copy;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	byte[] bytes() {
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		copy.writeBytes(this.body.toByteArray());
		copy.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return copy.toByteArray();
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
