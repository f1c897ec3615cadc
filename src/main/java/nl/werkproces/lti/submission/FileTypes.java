package nl.werkproces.lti.submission;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Content types by extension and a sniff of the first bytes, so that a file is what its name says: a PDF starts
 * with {@code %PDF-}, Office Open XML, OpenDocument and zip files are zip archives, PNG and JPEG have their
 * signatures, text has no NUL bytes. Executables (Windows PE, ELF, Mach-O, Java class, scripts with {@code #!})
 * are refused whatever their name.
 */
final class FileTypes {

	private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
			Map.entry("odp", "application/vnd.oasis.opendocument.presentation"), Map.entry("txt", "text/plain"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("zip", "application/zip"));

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] EMPTY_ZIP = { 'P', 'K', 5, 6 };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final List<byte[]> EXECUTABLES = List.of(new byte[] { 'M', 'Z' }, new byte[] { 0x7f, 'E', 'L', 'F' },
			new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce },
			new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xcf },
			new byte[] { (byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe },
			new byte[] { (byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe },
			new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe }, new byte[] { '#', '!' });

	private FileTypes() {
	}

	/** The content type stored and served for a file with this extension. */
	static String contentType(String extension) {
		return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
	}

	static boolean isExecutable(byte[] content) {
		return EXECUTABLES.stream().anyMatch((magic) -> startsWith(content, magic));
	}

	/**
	 * Whether the content looks like the extension says. Extensions without a known signature pass (an admin may
	 * allow more types); executables never do.
	 */
	static boolean matches(String extension, byte[] content) {
		if (isExecutable(content)) {
			return false;
		}
		return signature(extension).map((check) -> check.test(content)).orElse(true);
	}

	private static Optional<java.util.function.Predicate<byte[]>> signature(String extension) {
		return Optional.ofNullable(switch (extension) {
			case "pdf" -> (content) -> startsWith(content, PDF);
			case "docx", "xlsx", "pptx", "odt", "ods", "odp" -> (content) -> startsWith(content, ZIP);
			case "zip" -> (content) -> startsWith(content, ZIP) || startsWith(content, EMPTY_ZIP);
			case "png" -> (content) -> startsWith(content, PNG);
			case "jpg", "jpeg" -> (content) -> startsWith(content, JPEG);
			case "txt" -> FileTypes::isText;
			default -> null;
		});
	}

	private static boolean isText(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
