package nl.werkproces.lti.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * {@value #NAME} of the hand-in ZIP, as Dutch Excel opens it (UTF-8 with a byte order mark, {@code ;} between
 * fields): one row per file in the archive with the student, the folder, the hand-in time in the school's zone
 * (named in the header), whether it was late, the file's name in the archive, its size, its SHA-256 as recorded at
 * hand-in, and whether the bytes written matched it.
 */
final class HandInZipReceipts {

	static final String NAME = "ontvangstbewijzen.csv";

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	/** How the bytes in the archive compare with the SHA-256 recorded at hand-in. */
	enum Check {

		/** The bytes written have the recorded SHA-256. */
		OK,

		/** The bytes written differ from what was handed in. */
		MISMATCH,

		/** The storage could not be read (the entry is missing or cut short). */
		UNREADABLE,

		/** The file was replaced by a newer hand-in while the archive was written: not in the archive. */
		GONE,

		/** The hand-in's text, written by the tool (the receipt has no SHA-256 for it). */
		TEXT

	}

	/** One row: a file of a student's hand-in as it went into the archive. */
	record Row(String student, String folder, Instant submittedAt, boolean late, String file, long sizeBytes,
			String sha256, Check check) {

	}

	private final List<Row> rows = new ArrayList<>();

	private final MessageSource messages;

	private final Locale locale;

	private final ZoneId zone;

	HandInZipReceipts(MessageSource messages, Locale locale, ZoneId zone) {
		this.messages = messages;
		this.locale = locale;
		this.zone = zone;
	}

	void add(Row row) {
		this.rows.add(row);
	}

	byte[] toBytes() {
		StringBuilder csv = new StringBuilder();
		line(csv, List.of(text("evidence.zip.csv.student"), text("evidence.zip.csv.folder"),
				text("evidence.zip.csv.submittedAt", this.zone.getId()), text("evidence.zip.csv.late"),
				text("evidence.zip.csv.file"), text("evidence.zip.csv.size"), "SHA-256", text("evidence.zip.csv.check")));
		for (Row row : this.rows) {
			line(csv, List.of(row.student(), row.folder(), TIME.format(row.submittedAt().atZone(this.zone)),
					text(row.late() ? "evidence.zip.csv.yes" : "evidence.zip.csv.no"), row.file(),
					String.valueOf(row.sizeBytes()), row.sha256(), text("evidence.zip.check." + row.check().name())));
		}
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, withBom, 0, BOM.length);
		System.arraycopy(body, 0, withBom, BOM.length, body.length);
		return withBom;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	private static void line(StringBuilder csv, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				csv.append(';');
			}
			csv.append(field(fields.get(i)));
		}
		csv.append("\r\n");
	}

	static String field(String value) {
		String text = (value != null) ? value : "";
		if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
			// a student's name must not run as a spreadsheet formula
			text = "'" + text;
		}
		if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
