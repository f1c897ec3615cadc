package nl.werkproces.lti.submission;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/** A file as the browser sent it: the name it gave and the bytes. */
record Upload(String originalName, byte[] content) {

	static Upload of(MultipartFile file) {
		try {
			return new Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether this is the empty part a browser sends for a file field left empty. */
	static boolean isBlank(MultipartFile file) {
		return file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank());
	}

}
