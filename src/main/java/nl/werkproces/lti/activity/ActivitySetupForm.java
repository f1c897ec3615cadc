package nl.werkproces.lti.activity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import nl.werkproces.lti.web.SchoolClock;

/**
 * The teacher's choice as posted by the picker: dossier, profiel, one or more werkprocessen and the options (grade
 * mode, due date as {@code yyyy-MM-dd} — due at the end of that day on the school's clock — and instructions).
 */
public record ActivitySetupForm(Long dossier, String profiel, List<String> werkproces, String gradeMode, String due,
		String instructions) {

	static final int MAX_INSTRUCTIONS = 4000;

	public ActivitySetupForm {
		werkproces = (werkproces != null) ? werkproces.stream().filter((code) -> !code.isBlank()).toList() : List.of();
	}

	/** The message key of what is wrong, or {@code null}. */
	public String problem(boolean multipleAllowed) {
		if (this.dossier == null) {
			return "picker.error.dossier";
		}
		if (this.werkproces.isEmpty()) {
			return "picker.error.none";
		}
		if (!multipleAllowed && this.werkproces.size() > 1) {
			return "picker.error.one";
		}
		if (this.instructions != null && this.instructions.length() > MAX_INSTRUCTIONS) {
			return "picker.error.instructions";
		}
		try {
			dueDay();
		}
		catch (DateTimeParseException ex) {
			return "picker.error.due";
		}
		return null;
	}

	public GradeMode mode() {
		return "POINTS".equals(this.gradeMode) ? GradeMode.POINTS : GradeMode.CIJFER;
	}

	/** The chosen due date, or {@code null}; throws {@link DateTimeParseException} for a malformed one. */
	public LocalDate dueDay() {
		if (this.due == null || this.due.isBlank()) {
			return null;
		}
		return LocalDate.parse(this.due.trim());
	}

	public ActivitySetup setup(String code, SchoolClock clock) {
		LocalDate day = dueDay();
		String text = (this.instructions != null && !this.instructions.isBlank()) ? this.instructions.trim() : null;
		String chosenProfiel = (this.profiel != null && !this.profiel.isBlank()) ? this.profiel : null;
		return new ActivitySetup(this.dossier, code, chosenProfiel, mode(), (day != null) ? clock.endOf(day) : null, text);
	}

}
