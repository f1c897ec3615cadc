package nl.werkproces.lti.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.evidence.EvidenceRecords.ActivityFacts;
import nl.werkproces.lti.evidence.HandInReceipts.Receipt;
import nl.werkproces.lti.evidence.HandInReceipts.ReceiptFile;
import nl.werkproces.lti.grading.Grading;
import nl.werkproces.lti.grading.GradingRecords;
import nl.werkproces.lti.history.GradingHistory;
import nl.werkproces.lti.history.GradingVersion;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One student's examendossier as a ZIP, written entry by entry to the stream: per activity they handed in or were
 * graded in a folder with the filled-in form (when final), the receipt and the handed-in files; at the top the
 * grading history, readable ({@code geschiedenis.html}) and for machines ({@code geschiedenis.json}). One file or
 * PDF at a time is in memory, never the archive.
 */
@Component
class ExamendossierZip {

	private final FilledInForms forms;

	private final FilledInFormPdf pdf;

	private final HandInReceipts receipts;

	private final HandInZipFileSource files;

	private final EvidenceRecords records;

	private final GradingHistory history;

	private final GradingRecords gradings;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final JsonMapper json;

	private final SchoolClock schoolClock;

	private final Clock clock;

	ExamendossierZip(FilledInForms forms, FilledInFormPdf pdf, HandInReceipts receipts, HandInZipFileSource files,
			EvidenceRecords records, GradingHistory history, GradingRecords gradings, MessageSource messages, ITemplateEngine templates,
			JsonMapper json, SchoolClock schoolClock, Clock clock) {
		this.forms = forms;
		this.pdf = pdf;
		this.receipts = receipts;
		this.files = files;
		this.records = records;
		this.history = history;
		this.gradings = gradings;
		this.messages = messages;
		this.templates = templates;
		this.json = json;
		this.schoolClock = schoolClock;
		this.clock = clock;
	}

	/** The activities (of one platform) the student handed in or was graded in, in the given order. */
	List<Activity> withWork(List<Activity> activities, long userId) {
		return activities.stream().filter((a) -> this.records.hasWorkIn(a.id(), a.platformId(), userId)).toList();
	}

	/** The archive's file name: {@code examendossier_<achternaam>_<voornaam>_<user id>.zip}. */
	static String filename(StudentName student) {
		return "examendossier_" + EvidenceFileNames.studentBase(student) + ".zip";
	}

	/** Writes the archive; {@code activities} are the student's activities with work ({@link #withWork}). */
	void write(StudentName student, List<Activity> activities, Locale locale, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		EvidenceFileNames.Used folders = new EvidenceFileNames.Used();
		List<HistoryActivity> readable = new ArrayList<>();
		List<Map<String, Object>> machine = new ArrayList<>();
		int n = 0;
		for (Activity activity : activities) {
			n++;
			ActivityFacts facts = this.records.facts(activity);
			String label = activity.werkprocesCode() + ((facts.title() != null) ? " " + facts.title() : "");
			String folder = folders.unique(String.format(Locale.ROOT, "%02d_%s", n,
					EvidenceFileNames.part(label, activity.werkprocesCode()))) + "/";
			Optional<FilledInForm> form = this.forms.ifFinal(activity, student.id(), locale);
			if (form.isPresent()) {
				zip.putNextEntry(new ZipEntry(folder + "beoordelingsformulier.pdf"));
				this.pdf.write(form.get(), FilledInFormsZip.kept(zip));
				zip.closeEntry();
			}
			Optional<Receipt> receipt = this.receipts.find(activity.id(), activity.platformId(), student.id());
			text(zip, folder + "ontvangstbewijs.txt", receiptText(student, label, receipt, locale));
			if (receipt.isPresent()) {
				handIn(zip, folder + "inlevering/", receipt.get());
			}
			readable.add(new HistoryActivity(label, this.forms.history(activity, student.id(), locale)));
			Map<String, Object> entry = machine(activity, facts, receipt);
			gradingOf(entry, activity, student.id());
			machine.add(entry);
		}
		text(zip, "geschiedenis.html", historyPage(student, readable, locale));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("student", Map.of("userId", student.id(), "name", student.displayName()));
		document.put("generatedAt", this.clock.instant().toString());
		document.put("activities", machine);
		zip.putNextEntry(new ZipEntry("geschiedenis.json"));
		zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
		zip.closeEntry();
		zip.finish();
	}

	private void handIn(ZipOutputStream zip, String folder, Receipt receipt) throws IOException {
		EvidenceFileNames.Used used = new EvidenceFileNames.Used();
		if (receipt.text() != null && !receipt.text().isBlank()) {
			text(zip, folder + used.unique("tekst.txt"), receipt.text());
		}
		for (ReceiptFile file : receipt.files()) {
			Optional<InputStream> content = this.files.open(file.id());
			if (content.isEmpty()) {
				continue; // replaced by a newer hand-in since the receipt was read
			}
			try (InputStream in = content.get()) {
				zip.putNextEntry(new ZipEntry(folder + used.unique(EvidenceFileNames.file(file.filename()))));
				in.transferTo(zip);
				zip.closeEntry();
			}
		}
	}

	private String receiptText(StudentName student, String label, Optional<Receipt> receipt, Locale locale) {
		StringBuilder text = new StringBuilder();
		text.append(message("evidence.receipt.title", locale)).append('\n');
		text.append(message("evidence.form.student", locale)).append(": ").append(student.displayName()).append('\n');
		text.append(message("evidence.form.activity", locale)).append(": ").append(label).append("\n\n");
		if (receipt.isEmpty()) {
			return text.append(message("evidence.receipt.none", locale)).append('\n').toString();
		}
		Receipt r = receipt.get();
		text.append(message("evidence.form.handIn.at", locale, this.schoolClock.format(r.submittedAt(), locale)))
			.append(", ")
			.append(message(r.late() ? "evidence.form.handIn.late" : "evidence.form.handIn.onTime", locale))
			.append(", ")
			.append(message("evidence.form.handIn.count", locale, r.handInCount()))
			.append("\n\n");
		if (r.files().isEmpty()) {
			text.append(message("evidence.form.handIn.noFiles", locale)).append('\n');
		}
		for (ReceiptFile file : r.files()) {
			text.append(message("evidence.form.file", locale)).append(": ").append(file.filename()).append('\n');
			text.append(message("evidence.form.size", locale)).append(": ")
				.append(message("evidence.form.bytes", locale, file.sizeBytes())).append('\n');
			text.append(message("evidence.form.sha256", locale)).append(": ").append(file.sha256()).append("\n\n");
		}
		return text.toString();
	}

	private Map<String, Object> machine(Activity activity, ActivityFacts facts, Optional<Receipt> receipt) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("activityId", activity.id());
		entry.put("title", facts.title());
		entry.put("werkproces", activity.werkprocesCode());
		entry.put("profiel", activity.profiel());
		Map<String, Object> dossier = new LinkedHashMap<>();
		dossier.put("titel", facts.dossierTitel());
		dossier.put("crebo", facts.crebo());
		dossier.put("versie", facts.dossierVersie());
		dossier.put("importedAt", facts.dossierImportedAt().toString());
		entry.put("dossier", dossier);
		if (receipt.isPresent()) {
			Map<String, Object> handIn = new LinkedHashMap<>();
			handIn.put("submittedAt", receipt.get().submittedAt().toString());
			handIn.put("late", receipt.get().late());
			handIn.put("handInCount", receipt.get().handInCount());
			handIn.put("files", receipt.get().files().stream().map((f) -> {
				Map<String, Object> file = new LinkedHashMap<>();
				file.put("filename", f.filename());
				file.put("sizeBytes", f.sizeBytes());
				file.put("sha256", f.sha256());
				return file;
			}).toList());
			entry.put("handIn", handIn);
		}
		else {
			entry.put("handIn", null);
		}
		return entry;
	}

	/** Fills in the grading part of an activity's JSON entry: its status now and every final version. */
	private void gradingOf(Map<String, Object> entry, Activity activity, long userId) {
		Optional<Grading> grading = this.gradings.find(activity.id(), userId)
			.filter((g) -> g.platformId() == activity.platformId());
		entry.put("gradingStatus", grading.map((g) -> g.status().name()).orElse(null));
		List<Map<String, Object>> versions = new ArrayList<>();
		entry.put("versions", versions);
		for (GradingVersion v : this.history.versionsOf(activity.id(), userId)) {
			if (v.platformId() != activity.platformId()) {
				continue;
			}
			Map<String, Object> version = new LinkedHashMap<>();
			version.put("versionNo", v.versionNo());
			version.put("finalizedAt", v.finalizedAt().toString());
			version.put("assessorUserId", v.assessorUserId());
			version.put("secondAssessorUserId", v.secondAssessorUserId());
			version.put("rubricVersionId", v.rubricVersionId().toString());
			version.put("levels", new java.util.TreeMap<>(v.levels()));
			version.put("remarks", new java.util.TreeMap<>(v.remarks()));
			version.put("overallRemark", v.overallRemark());
			version.put("points", v.points());
			version.put("maximum", v.maximum());
			version.put("cesuur", v.cesuur());
			version.put("verdict", (v.verdict() != null) ? v.verdict().name() : null);
			version.put("cijfer", v.cijfer());
			version.put("knockOut", v.knockOut());
			version.put("delivery", FilledInForms.delivery(v));
			version.put("chainSeq", v.chainSeq());
			version.put("previousHash", v.previousHash());
			version.put("contentHash", v.contentHash());
			versions.add(version);
		}
	}

	private String historyPage(StudentName student, List<HistoryActivity> activities, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("lang", locale.getLanguage());
		context.setVariable("student", student.displayName());
		context.setVariable("activities", activities);
		context.setVariable("generatedAt", this.schoolClock.format(this.clock.instant(), locale));
		return this.templates.process("documents/geschiedenis", context);
	}

	private static void text(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** One activity in the readable history. */
	record HistoryActivity(String label, List<FilledInForm.HistoryLine> versions) {

	}

}
