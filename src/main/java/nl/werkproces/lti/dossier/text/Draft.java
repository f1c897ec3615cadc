package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A kerntaak or werkproces while its text is read: the title and the raw lines of each section,
 * for the basisdeel ({@code profielNaam} {@code null}) and per profiel.
 */
abstract class Draft {

	private final String code;

	private final LineJoiner titel = new LineJoiner();

	private final Map<Slot, List<ClassifiedLine>> slots = new LinkedHashMap<>();

	private final int lineWidth;

	private int skippedLines;

	/**
	 * @param code the kerntaak's or werkproces's code
	 * @param lineWidth the length of the dossier text's longest line ({@link ParagraphAssembler})
	 */
	Draft(String code, int lineWidth) {
		this.code = code;
		this.lineWidth = lineWidth;
	}

	/** Where a line belongs: a section, for the basisdeel or for one profiel. */
	record Slot(Section section, String profielNaam) {

		Slot {
			Objects.requireNonNull(section, "section");
		}

	}

	String code() {
		return this.code;
	}

	String titel() {
		return this.titel.toString();
	}

	void addTitel(String text) {
		this.titel.add(text);
	}

	void add(Slot slot, ClassifiedLine line) {
		this.slots.computeIfAbsent(slot, (key) -> new ArrayList<>()).add(line);
	}

	void skip() {
		this.skippedLines++;
	}

	/** Whether any section of this draft was headed in the text. */
	boolean hasSections() {
		return !this.slots.isEmpty();
	}

	void open(Slot slot) {
		this.slots.computeIfAbsent(slot, (key) -> new ArrayList<>());
	}

	List<ClassifiedLine> lines(Section section, String profielNaam) {
		return this.slots.getOrDefault(new Slot(section, profielNaam), List.of());
	}

	/** The profielen with "geldt aanvullend" lines, in the order they appear. */
	Set<String> aanvullendeProfielen() {
		Set<String> namen = new LinkedHashSet<>();
		this.slots.keySet().stream().map(Slot::profielNaam).filter(Objects::nonNull).forEach(namen::add);
		return namen;
	}

	/** The running text of a section, paragraphs and lists kept ({@link ParagraphAssembler}). */
	String text(Section section, String profielNaam) {
		return ParagraphAssembler.assemble(lines(section, profielNaam), this.lineWidth);
	}

	int lineWidth() {
		return this.lineWidth;
	}

	List<String> bullets(Section section, String profielNaam, Consumer<String> warnings) {
		return BulletListAssembler.assemble(lines(section, profielNaam), where(section, profielNaam), warnings);
	}

	List<String> competenties(String profielNaam, Consumer<String> warnings) {
		return CompetentieList.split(lines(Section.COMPETENTIES, profielNaam), where(Section.COMPETENTIES, profielNaam),
				warnings);
	}

	void warnAboutSkippedLines(Consumer<String> warnings) {
		if (this.skippedLines > 0) {
			warnings.accept(this.code + ": " + this.skippedLines + " regel(s) buiten een bekend kopje overgeslagen.");
		}
	}

	String where(Section section, String profielNaam) {
		String part = this.code + " " + section.name().toLowerCase(Locale.ROOT);
		return (profielNaam != null) ? part + " (aanvullend voor " + profielNaam + ")" : part;
	}

}
