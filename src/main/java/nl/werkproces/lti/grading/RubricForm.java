package nl.werkproces.lti.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.werkproces.lti.rubric.Criterion;
import nl.werkproces.lti.rubric.CriterionKind;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.rubric.RubricChanges;
import nl.werkproces.lti.rubric.RubricScale;

import org.springframework.util.MultiValueMap;

/**
 * The settings page's rubric form, the whole rubric at once: per existing criterion {@code text.<key>},
 * {@code kritisch.<key>}, {@code position.<key>} and {@code remove.<key>}; per new criterion {@code newText.<i>},
 * {@code newKind.<i>}, {@code newKritisch.<i>} and {@code newPosition.<i>} ({@code newText} without index is the
 * first); {@code scale}. Holds every value as typed, so a page with an error shows them again, and the
 * {@link Problem}s that name criteria by number and text. Only a form without problems becomes {@link RubricChanges}.
 */
public final class RubricForm {

	/** Longest criterion text a teacher can save. */
	static final int MAX_TEXT = 1_000;

	/** Most criteria in one rubric. */
	static final int MAX_CRITERIA = 100;

	/** Characters of a criterion text quoted in a message. */
	private static final int QUOTED = 60;

	private final Rubric rubric;

	private final List<Row> rows;

	private final String scale;

	private final List<Problem> problems = new ArrayList<>();

	private RubricForm(Rubric rubric, List<Row> rows, String scale) {
		this.rubric = rubric;
		this.rows = rows;
		this.scale = scale;
	}

	/** How many criteria the page shows, the highest position a teacher can type. */
	public int size() {
		return this.rows.size();
	}

	/** The form as the page first shows it: the rubric's criteria and one empty new criterion. */
	static RubricForm of(Rubric rubric) {
		List<Row> rows = new ArrayList<>();
		int number = 0;
		for (Criterion criterion : rubric.criteria()) {
			number++;
			rows.add(new Row(number, criterion.key(), criterion.text(), criterion.kind().name(), criterion.kritisch(),
					String.valueOf(number), false, criterion.aanvullend(), -1));
		}
		RubricForm form = new RubricForm(rubric, rows, rubric.scale().name());
		return form.withNewRow();
	}

	/** The form as posted, checked against the rubric it edits. */
	static RubricForm read(Rubric rubric, MultiValueMap<String, String> form) {
		List<Row> rows = new ArrayList<>();
		int number = 0;
		for (Criterion criterion : rubric.criteria()) {
			number++;
			String key = criterion.key();
			String text = form.containsKey("text." + key) ? value(form, "text." + key) : criterion.text();
			String position = form.containsKey("position." + key) ? value(form, "position." + key)
					: String.valueOf(number);
			rows.add(new Row(number, key, text, criterion.kind().name(), form.containsKey("kritisch." + key), position,
					form.containsKey("remove." + key), criterion.aanvullend(), -1));
		}
		int newRows = count(value(form, "newRows"));
		for (int i = 0; i < newRows || (i == 0 && form.containsKey("newText")); i++) {
			String suffix = "." + i;
			String text = (i == 0 && form.containsKey("newText")) ? value(form, "newText") : value(form, "newText" + suffix);
			String kind = (i == 0 && form.containsKey("newKind")) ? value(form, "newKind") : value(form, "newKind" + suffix);
			boolean kritisch = form.containsKey("newKritisch" + suffix) || (i == 0 && form.containsKey("newKritisch"));
			String position = value(form, "newPosition" + suffix);
			number++;
			rows.add(new Row(number, null, text, kind.isEmpty() ? CriterionKind.PROCESS.name() : kind, kritisch,
					position, false, false, i));
		}
		String scale = form.containsKey("scale") ? value(form, "scale") : rubric.scale().name();
		RubricForm read = new RubricForm(rubric, rows, scale);
		read.check();
		return read;
	}

	/** This form with one more empty new criterion at the end. */
	RubricForm withNewRow() {
		if (this.rows.size() < MAX_CRITERIA + 1) {
			this.rows.add(new Row(this.rows.size() + 1, null, "", CriterionKind.PROCESS.name(), false, "", false, false,
					newRows().size()));
		}
		return this;
	}

	public List<Row> rows() {
		return this.rows;
	}

	public List<Row> newRows() {
		return this.rows.stream().filter(Row::isNew).toList();
	}

	public String scale() {
		return this.scale;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	public boolean hasProblems() {
		return !this.problems.isEmpty();
	}

	/** The stored text of an existing row's criterion, quoted as {@link Row#quoted()}; empty for a new row. */
	public String storedQuoted(Row row) {
		return row.isNew() ? "" : this.rubric.criterion(row.key())
			.map((criterion) -> new Row(row.number(), row.key(), criterion.text(), row.kind(), false, "", false, false, -1)
				.quoted())
			.orElse("");
	}

	/** The problems of one row, for the message beside its fields. */
	public List<Problem> problemsOf(Row row) {
		return this.problems.stream().filter((problem) -> problem.row() == row).toList();
	}

	/**
	 * The form's changes to the rubric.
	 * @return the changes, empty when nothing changed
	 * @throws IllegalStateException when the form has problems
	 */
	RubricChanges changes() {
		if (hasProblems()) {
			throw new IllegalStateException("a form with problems has no changes");
		}
		RubricChanges changes = RubricChanges.create();
		List<Row> kept = kept();
		for (Row row : this.rows) {
			if (row.isNew()) {
				continue;
			}
			Criterion criterion = this.rubric.criterion(row.key()).orElseThrow();
			if (row.remove()) {
				changes.remove(row.key());
				continue;
			}
			if (!row.text().strip().equals(criterion.text())) {
				changes.editText(row.key(), row.text());
			}
			if (row.kritisch() != criterion.kritisch()) {
				changes.setKritisch(row.key(), row.kritisch());
			}
		}
		List<Row> ordered = kept.stream().sorted(Comparator.comparingInt(RubricForm::sortKey)).toList();
		List<String> existingOrder = ordered.stream().filter((row) -> !row.isNew()).map(Row::key).toList();
		if (!existingOrder.equals(kept.stream().filter((row) -> !row.isNew()).map(Row::key).toList())) {
			changes.reorder(existingOrder);
		}
		for (int i = 0; i < ordered.size(); i++) {
			Row row = ordered.get(i);
			if (row.isNew()) {
				changes.insert(CriterionKind.valueOf(row.kind()), row.text(), row.kritisch(), i);
			}
		}
		RubricScale chosen = RubricScale.valueOf(this.scale);
		if (chosen != this.rubric.scale()) {
			changes.changeScale(chosen);
		}
		return changes;
	}

	/** Existing criteria not removed and new criteria with a text, in the form's order. */
	private List<Row> kept() {
		return this.rows.stream()
			.filter((row) -> !row.remove() && !(row.isNew() && row.text().isBlank()))
			.toList();
	}

	private void check() {
		if (!isEnum(RubricScale.class, this.scale)) {
			this.problems.add(new Problem(null, "settings.error.scale"));
		}
		List<Row> kept = kept();
		for (Row row : this.rows) {
			if (row.remove() || (row.isNew() && row.text().isBlank())) {
				continue;
			}
			String text = row.text().strip();
			if (text.isEmpty()) {
				this.problems.add(new Problem(row, "settings.error.empty"));
			}
			else if (text.length() > MAX_TEXT) {
				this.problems.add(new Problem(row, "settings.error.tooLong", text.length(), MAX_TEXT));
			}
			if (row.isNew() && !isEnum(CriterionKind.class, row.kind())) {
				this.problems.add(new Problem(row, "settings.error.kind"));
			}
			if (!row.position().isBlank() && wantedPosition(row, this.rows.size()) == null) {
				this.problems.add(new Problem(row, "settings.error.position", this.rows.size()));
			}
		}
		if (kept.isEmpty() && !this.rubric.criteria().isEmpty()) {
			this.problems.add(new Problem(null, "settings.error.noneLeft"));
		}
		if (kept.size() > MAX_CRITERIA) {
			this.problems.add(new Problem(null, "settings.error.tooMany", MAX_CRITERIA));
		}
	}

	/**
	 * Sort key from the wanted position as numbered on the page (blank keeps the row's place): a criterion moved to a
	 * position comes before the one that is shown there, which keeps its place relative to the others. Removed rows
	 * keep their numbers, so removing one criterion moves no other.
	 */
	private static int sortKey(Row row) {
		int current = row.number();
		Integer wanted = wantedPosition(row, Integer.MAX_VALUE);
		int target = (wanted != null) ? wanted : current;
		return (target == current) ? target * 2 : target * 2 - ((target < current) ? 1 : -1);
	}

	private static Integer wantedPosition(Row row, int count) {
		String value = row.position().strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			int wanted = Integer.parseInt(value);
			return (wanted >= 1 && wanted <= count) ? wanted : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return (value != null) ? value : "";
	}

	private static int count(String value) {
		try {
			return Math.max(0, Math.min(Integer.parseInt(value.strip()), MAX_CRITERIA));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * One criterion of the form, as typed.
	 * @param number its number on the page (1-based, existing criteria first)
	 * @param key the criterion's key, {@code null} for a new criterion
	 * @param text the text as typed
	 * @param kind {@link CriterionKind} name as chosen
	 * @param kritisch whether kritisch is ticked
	 * @param position the wanted position as typed
	 * @param remove whether removal is ticked
	 * @param aanvullend whether the criterion comes from the profiel's additions
	 * @param newIndex the index among new criteria, for their {@code newText.<i>} field names; -1 for existing ones
	 */
	public record Row(int number, String key, String text, String kind, boolean kritisch, String position, boolean remove,
			boolean aanvullend, int newIndex) {

		public boolean isNew() {
			return this.key == null;
		}

		/** The id of the row's text field, the target of its error message's link ({@code new-text}: the first new). */
		public String textId() {
			if (isNew()) {
				return (this.newIndex == 0) ? "new-text" : "new-text-" + this.newIndex;
			}
			return "criterion-" + this.number + "-text";
		}

		/** The form field name for one of the row's values: {@code text.gedrag-1}, {@code newText.0}. */
		public String field(String name) {
			if (isNew()) {
				return "new" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "." + this.newIndex;
			}
			return name + "." + this.key;
		}

		/** The text quoted in messages: at most 60 characters. */
		public String quoted() {
			String text = this.text.strip().replaceAll("\\s+", " ");
			return (text.length() > QUOTED) ? text.substring(0, QUOTED - 1).strip() + "\u2026" : text;
		}

	}

	/**
	 * A problem of the form, by message code.
	 * @param row the criterion it is about, {@code null} for the whole rubric
	 * @param code message code; its arguments {0} and on are {@code args}
	 * @param args message arguments
	 */
	public record Problem(Row row, String code, Object... args) {
	}

}
