package nl.werkproces.lti.dossier.text;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import nl.werkproces.lti.dossier.text.ClassifiedLine.Kind;
import nl.werkproces.lti.dossier.text.Draft.Slot;

/**
 * Reads the described kerntaken and werkprocessen ("B1-K1-W1: title", then Omschrijving,
 * Resultaat, Gedrag, competenties, each possibly followed by "Voor &lt;profiel&gt; geldt
 * aanvullend:") into {@link Drafts}. Lines must be free of page artefacts
 * ({@link PageArtefactFilter}).
 */
final class DescriptionParser {

	private final Drafts drafts;

	private final ProfielRegister profielen;

	private final Consumer<String> warnings;

	private Draft current;

	private Slot slot;

	private boolean inTitle;

	DescriptionParser(Drafts drafts, ProfielRegister profielen, Consumer<String> warnings) {
		this.drafts = drafts;
		this.profielen = profielen;
		this.warnings = warnings;
	}

	void parse(List<String> lines) {
		lines.stream().map(LineClassifier::classify).forEach(this::accept);
	}

	private void accept(ClassifiedLine line) {
		switch (line.kind()) {
			case HEADING -> openHeading(line);
			case SECTION -> openSection(line.section());
			case AANVULLEND -> openAanvulling(line.text());
			case COMPETENTIES -> openCompetenties(line.text());
			case NOT_APPLICABLE -> this.inTitle = false;
			default -> addContent(line);
		}
	}

	private void openHeading(ClassifiedLine heading) {
		this.current = this.drafts.draft(heading.code());
		this.slot = null;
		this.inTitle = this.current.titel().isEmpty();
		if (this.inTitle) {
			this.current.addTitel(heading.text());
		}
	}

	private void openSection(Section section) {
		this.inTitle = false;
		if (this.current == null) {
			return;
		}
		if (section.isOfWerkproces() != (this.current instanceof WerkprocesDraft)) {
			this.warnings.accept(this.current.code() + ": kopje \"" + section.name().toLowerCase(Locale.ROOT)
					+ "\" hoort hier niet; de tekst eronder is overgeslagen.");
			this.slot = null;
			return;
		}
		this.slot = new Slot(section, null);
		this.current.open(this.slot);
	}

	private void openAanvulling(String writtenProfielNaam) {
		this.inTitle = false;
		if (this.current == null || this.slot == null) {
			if (this.current != null) {
				this.warnings.accept(this.current.code() + ": \"Voor " + writtenProfielNaam
						+ " geldt aanvullend\" zonder kopje ervoor; overgeslagen.");
			}
			return;
		}
		Section section = (this.slot.section() == Section.COMPETENTIES) ? Section.GEDRAG : this.slot.section();
		this.slot = new Slot(section, this.profielen.resolve(writtenProfielNaam));
		this.current.open(this.slot);
	}

	private void openCompetenties(String firstCompetenties) {
		this.inTitle = false;
		if (!(this.current instanceof WerkprocesDraft)) {
			if (this.current != null) {
				this.warnings.accept(this.current.code() + ": competenties buiten een werkproces overgeslagen.");
			}
			this.slot = null;
			return;
		}
		this.slot = new Slot(Section.COMPETENTIES, (this.slot != null) ? this.slot.profielNaam() : null);
		this.current.open(this.slot);
		this.current.add(this.slot, ClassifiedLine.of(Kind.TEXT, firstCompetenties));
	}

	private void addContent(ClassifiedLine line) {
		if (this.current == null) {
			return;
		}
		if (this.inTitle && line.kind() == Kind.TEXT) {
			this.current.addTitel(line.text());
			return;
		}
		this.inTitle = false;
		if (this.slot == null) {
			if (line.kind() != Kind.BLANK) {
				this.current.skip();
			}
			return;
		}
		if (this.slot.section() == Section.COMPETENTIES && line.kind() == Kind.BULLET) {
			// a bullet after the competenties line continues the gedrag
			this.slot = new Slot(Section.GEDRAG, this.slot.profielNaam());
		}
		this.current.add(this.slot, line);
	}

}
