package nl.werkproces.lti.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.evidence.HandInZipContents.HandIn;
import nl.werkproces.lti.evidence.HandInZipReceipts.Check;
import nl.werkproces.lti.storage.FileStorageException;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Writes all hand-ins of an activity as one ZIP to a stream, file by file straight from storage (a buffer of
 * {@value #BUFFER} bytes and at most one database chunk in memory, never a whole file or the archive): a folder per
 * student ({@link HandInZipFolders}) with their files and, when they wrote one, their text as
 * {@value #TEXT_FILE}; then {@value HandInZipReceipts#NAME} at the top. Each file's SHA-256 is computed while it is
 * copied and compared with the one recorded at hand-in; a file that cannot be read or differs is named in the CSV
 * and logged with a reason code, and the archive goes on with the next file.
 */
@Component
class HandInZipWriter {

	private static final Logger log = LoggerFactory.getLogger(HandInZipWriter.class);

	static final int BUFFER = 64 * 1024;

	static final String TEXT_FILE = "ingeleverde-tekst.txt";

	private final HandInZipContents contents;

	private final HandInZipFileSource source;

	private final MessageSource messages;

	private final SchoolClock schoolClock;

	HandInZipWriter(HandInZipContents contents, HandInZipFileSource source, MessageSource messages,
			SchoolClock schoolClock) {
		this.contents = contents;
		this.source = source;
		this.messages = messages;
		this.schoolClock = schoolClock;
	}

	/** What went into one archive. */
	record Written(int students, int files, int problems) {

	}

	/** The hand-ins of the activity (names and SHA-256, no bytes): read before the first byte is written. */
	List<HandIn> handIns(Activity activity) {
		return this.contents.of(activity);
	}

	/**
	 * Writes the archive. An {@link IOException} is the receiver's (the download was broken off): the archive stops
	 * there.
	 */
	Written write(Activity activity, List<HandIn> handIns, Locale locale, OutputStream out) throws IOException {
		HandInZipReceipts receipts = new HandInZipReceipts(this.messages, locale, this.schoolClock.zone());
		int files = 0;
		int problems = 0;
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		byte[] buffer = new byte[BUFFER];
		for (HandIn handIn : handIns) {
			String folder = HandInZipFolders.folder(handIn.name(), handIn.userId());
			HandInZipFolders.Folder names = new HandInZipFolders.Folder();
			for (HandInZipContents.File file : handIn.files()) {
				String name = names.unique(HandInZipFolders.file(file.filename()));
				Check check = copy(activity, file, folder + "/" + name, handIn, zip, buffer);
				receipts.add(new HandInZipReceipts.Row(handIn.name(), folder, handIn.submittedAt(), handIn.late(), name,
						file.sizeBytes(), file.sha256(), check));
				files++;
				if (check != Check.OK) {
					problems++;
				}
			}
			if (handIn.text() != null && !handIn.text().isBlank()) {
				String name = names.unique(TEXT_FILE);
				byte[] text = handIn.text().getBytes(StandardCharsets.UTF_8);
				zip.putNextEntry(entry(folder + "/" + name, handIn));
				zip.write(text);
				zip.closeEntry();
				receipts.add(new HandInZipReceipts.Row(handIn.name(), folder, handIn.submittedAt(), handIn.late(), name,
						text.length, Sha256.hex(text), Check.TEXT));
			}
		}
		zip.putNextEntry(new ZipEntry(HandInZipReceipts.NAME));
		zip.write(receipts.toBytes());
		zip.closeEntry();
		zip.finish();
		zip.flush();
		return new Written(handIns.size(), files, problems);
	}

	/** Copies one file into the archive while computing its SHA-256; read problems are the file's, not the archive's. */
	private Check copy(Activity activity, HandInZipContents.File file, String path, HandIn handIn, ZipOutputStream zip,
			byte[] buffer) throws IOException {
		Optional<InputStream> opened;
		try {
			opened = this.source.open(file.id());
		}
		catch (FileStorageException | DataAccessException ex) {
			log.warn("Hand-in file {} of activity {} not in the ZIP [HANDIN_ZIP_FILE_UNREADABLE]: {}", file.id(),
					activity.id(), ex.getMessage());
			return Check.UNREADABLE;
		}
		if (opened.isEmpty()) {
			log.info("Hand-in file {} of activity {} not in the ZIP [HANDIN_ZIP_FILE_GONE]: replaced by a new hand-in",
					file.id(), activity.id());
			return Check.GONE;
		}
		MessageDigest digest = sha256();
		boolean readFailed = false;
		InputStream in = opened.get();
		try {
			zip.putNextEntry(entry(path, handIn));
			while (true) {
				int read;
				try {
					read = in.read(buffer);
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Hand-in file {} of activity {} cut short in the ZIP [HANDIN_ZIP_FILE_UNREADABLE]: {}",
							file.id(), activity.id(), ex.getMessage());
					readFailed = true;
					break;
				}
				if (read == -1) {
					break;
				}
				digest.update(buffer, 0, read);
				zip.write(buffer, 0, read);
			}
			zip.closeEntry();
		}
		finally {
			closeQuietly(in);
		}
		if (readFailed) {
			return Check.UNREADABLE;
		}
		if (!HexFormat.of().formatHex(digest.digest()).equals(file.sha256())) {
			log.warn("Hand-in file {} of activity {} differs from its SHA-256 [HANDIN_ZIP_CHECKSUM]", file.id(),
					activity.id());
			return Check.MISMATCH;
		}
		return Check.OK;
	}

	private static ZipEntry entry(String path, HandIn handIn) {
		ZipEntry entry = new ZipEntry(path);
		entry.setLastModifiedTime(FileTime.from(handIn.submittedAt()));
		return entry;
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException | RuntimeException ex) {
			// the copy is over; a stream that fails to close changes nothing in the archive
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
