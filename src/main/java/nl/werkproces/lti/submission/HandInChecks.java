package nl.werkproces.lti.submission;

import java.util.ArrayList;
import java.util.List;

import nl.werkproces.lti.submission.HandInRefusal.Reason;

import org.springframework.stereotype.Component;

/**
 * Checks a hand-in against {@link SubmissionProperties} before anything is stored: text length, number and size of
 * files, file names (no control characters, at most {@value FileNames#MAX_ORIGINAL_LENGTH} characters), extension,
 * and that the content is what the extension says (never an executable). Returns the files as they will be stored:
 * sanitised name, content type from the extension.
 */
@Component
class HandInChecks {

	private final SubmissionProperties limits;

	HandInChecks(SubmissionProperties limits) {
		this.limits = limits;
	}

	List<StoredFile> check(String text, List<Upload> uploads) {
		if ((text == null || text.isBlank()) && uploads.isEmpty()) {
			throw new HandInRefusal(Reason.EMPTY);
		}
		if (text != null && text.codePointCount(0, text.length()) > this.limits.maxTextLength()) {
			throw new HandInRefusal(Reason.TEXT_TOO_LONG, this.limits.maxTextLength());
		}
		if (uploads.size() > this.limits.maxFiles()) {
			throw new HandInRefusal(Reason.TOO_MANY_FILES, this.limits.maxFiles());
		}
		long total = 0;
		List<StoredFile> files = new ArrayList<>();
		for (Upload upload : uploads) {
			files.add(checkFile(upload));
			total += upload.content().length;
		}
		if (total > this.limits.maxTotalSize().toBytes()) {
			throw new HandInRefusal(Reason.TOTAL_TOO_LARGE, Sizes.format(this.limits.maxTotalSize().toBytes()));
		}
		return files;
	}

	private StoredFile checkFile(Upload upload) {
		if (FileNames.hasControlCharacters(upload.originalName())) {
			throw new HandInRefusal(Reason.FILE_NAME_INVALID);
		}
		if (FileNames.isTooLong(upload.originalName())) {
			throw new HandInRefusal(Reason.FILE_NAME_TOO_LONG, FileNames.MAX_ORIGINAL_LENGTH);
		}
		String name = FileNames.sanitise(upload.originalName());
		byte[] content = upload.content();
		if (content.length == 0) {
			throw new HandInRefusal(Reason.EMPTY_FILE, name);
		}
		if (content.length > this.limits.maxFileSize().toBytes()) {
			throw new HandInRefusal(Reason.FILE_TOO_LARGE, name, Sizes.format(this.limits.maxFileSize().toBytes()));
		}
		String extension = FileNames.extension(name);
		if (!this.limits.allowedExtensions().contains(extension)) {
			throw new HandInRefusal(Reason.TYPE_NOT_ALLOWED, name, this.limits.allowedList());
		}
		if (FileTypes.isExecutable(content)) {
			throw new HandInRefusal(Reason.EXECUTABLE, name);
		}
		if (!FileTypes.matches(extension, content)) {
			throw new HandInRefusal(Reason.CONTENT_MISMATCH, name, "." + extension);
		}
		return new StoredFile(name, FileTypes.contentType(extension), content, upload.sha256());
	}

}
