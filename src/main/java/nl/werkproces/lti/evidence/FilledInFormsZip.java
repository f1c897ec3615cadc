package nl.werkproces.lti.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.grading.Grading;
import nl.werkproces.lti.grading.GradingRecords;
import nl.werkproces.lti.grading.Students.Student;

import org.springframework.stereotype.Component;

/**
 * All filled-in forms of an activity as one ZIP, one PDF per student with a final grading
 * ({@code <achternaam>_<voornaam>_<user id>.pdf}), written entry by entry to the stream: one PDF at a time is in
 * memory, never the archive.
 */
@Component
class FilledInFormsZip {

	private final FilledInForms forms;

	private final FilledInFormPdf pdf;

	private final GradingRecords gradings;

	private final EvidenceRecords records;

	FilledInFormsZip(FilledInForms forms, FilledInFormPdf pdf, GradingRecords gradings, EvidenceRecords records) {
		this.forms = forms;
		this.pdf = pdf;
		this.gradings = gradings;
		this.records = records;
	}

	/** Whether any grading of the activity is final (else the archive would be empty). */
	boolean anyFinal(Activity activity) {
		return this.gradings.forActivity(activity.id()).stream().anyMatch(Grading::isFinal);
	}

	/** Writes the archive of the activity's students' forms; {@code out} is finished, not closed. */
	void write(Activity activity, List<Student> students, Locale locale, OutputStream out) throws IOException {
		Set<Long> graded = this.gradings.forActivity(activity.id())
			.stream()
			.filter(Grading::isFinal)
			.map(Grading::studentUserId)
			.collect(Collectors.toSet());
		ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
		EvidenceFileNames.Used used = new EvidenceFileNames.Used();
		for (Student student : students) {
			if (!graded.contains(student.id())) {
				continue;
			}
			Optional<FilledInForm> form = this.forms.ifFinal(activity, student.id(), locale);
			Optional<StudentName> name = this.records.student(activity.platformId(), student.id());
			if (form.isEmpty() || name.isEmpty()) {
				continue;
			}
			zip.putNextEntry(new ZipEntry(used.unique(EvidenceFileNames.studentPdf(name.get()))));
			this.pdf.write(form.get(), kept(zip));
			zip.closeEntry();
		}
		zip.finish();
	}

	/** The stream, which the PDF writer may close: the archive goes on with its next entry. */
	static OutputStream kept(OutputStream out) {
		return new FilterOutputStream(out) {

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				this.out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}

		};
	}

}
