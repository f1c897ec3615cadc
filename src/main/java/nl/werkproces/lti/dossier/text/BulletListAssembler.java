package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import nl.werkproces.lti.dossier.DossierLimits;

/**
 * Assembles bullet items (gedrag, vakkennis en vaardigheden) from classified lines: a bullet
 * starts an item, following text lines continue it (also across blank lines and page breaks),
 * an introduction such as "De beheerder:" is dropped.
 */
public final class BulletListAssembler {

	private BulletListAssembler() {
	}

	public static List<String> assemble(List<ClassifiedLine> lines, String where, Consumer<String> warnings) {
		List<LineJoiner> items = new ArrayList<>();
		List<LineJoiner> looseParagraphs = new ArrayList<>();
		boolean newParagraph = true;
		for (ClassifiedLine line : lines) {
			switch (line.kind()) {
				case BULLET -> {
					DossierLimits.checkListSize(items.size() + 1);
					items.add(new LineJoiner().add(line.text()));
				}
				case TEXT -> {
					if (!items.isEmpty()) {
						items.get(items.size() - 1).add(line.text());
					}
					else if (!line.text().endsWith(":")) {
						if (newParagraph) {
							looseParagraphs.add(new LineJoiner());
						}
						looseParagraphs.get(looseParagraphs.size() - 1).add(line.text());
					}
				}
				default -> {
					// blank lines do not end an item: wrapped items contain them
				}
			}
			newParagraph = line.kind() == ClassifiedLine.Kind.BLANK;
		}
		List<String> result = new ArrayList<>();
		if (!looseParagraphs.isEmpty()) {
			warnings.accept(where + ": tekst zonder opsommingsteken als apart punt opgenomen.");
			looseParagraphs.forEach((paragraph) -> result.add(paragraph.toString()));
		}
		items.stream().filter((item) -> !item.isEmpty()).forEach((item) -> result.add(item.toString()));
		return result;
	}

}
