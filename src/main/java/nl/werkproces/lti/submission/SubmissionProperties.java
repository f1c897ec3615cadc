package nl.werkproces.lti.submission;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a student may hand in. Spring's own multipart limits ({@code spring.servlet.multipart.*}) are the outer
 * guard and should be a little larger than these, so that a refusal names the file and the limit.
 *
 * @param maxFileSize largest single file
 * @param maxFiles most files in one hand-in
 * @param maxTotalSize largest sum of the files of one hand-in
 * @param maxTextLength most characters of the hand-in text
 * @param allowedExtensions file name extensions accepted (lower case, without dot)
 * @param postStatus whether a hand-in posts {@code Submitted}/{@code PendingManual} to the platform's line item
 */
@Validated
@ConfigurationProperties("lti.submissions")
public record SubmissionProperties(@NotNull @DefaultValue("20MB") DataSize maxFileSize,
		@Min(1) @DefaultValue("10") int maxFiles, @NotNull @DefaultValue("50MB") DataSize maxTotalSize,
		@Min(1) @DefaultValue("50000") int maxTextLength,
		@NotEmpty @DefaultValue({ "pdf", "docx", "xlsx", "pptx", "odt", "txt", "png", "jpg", "jpeg",
				"zip" }) List<String> allowedExtensions,
		@DefaultValue("true") boolean postStatus) {

	public SubmissionProperties {
		allowedExtensions = allowedExtensions.stream().map((e) -> e.toLowerCase(Locale.ROOT).replace(".", "")).toList();
	}

	/** The allowed extensions as shown to students: ".pdf, .docx, …". */
	public String allowedList() {
		return String.join(", ", allowedExtensions.stream().map((e) -> "." + e).toList());
	}

}
