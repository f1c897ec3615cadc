package nl.werkproces.lti.registration;

import java.nio.file.Path;

/** The platforms file cannot be used; the message names the file, the entry and the field. */
public class PlatformsFileException extends RuntimeException {

	public PlatformsFileException(Path file, String entry, String field, String problem) {
		super(describe(file, entry, field, problem));
	}

	private static String describe(Path file, String entry, String field, String problem) {
		StringBuilder message = new StringBuilder("Platforms file ").append(file);
		if (entry != null) {
			message.append(", ").append(entry);
		}
		if (field != null) {
			message.append(", field '").append(field).append("'");
		}
		return message.append(": ").append(problem).toString();
	}

}
