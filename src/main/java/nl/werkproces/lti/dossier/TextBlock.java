package nl.werkproces.lti.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block of a dossier text field: a paragraph, a bulleted list or a numbered list. Text fields (omschrijving,
 * resultaat, complexiteit, verantwoordelijkheid en zelfstandigheid and their additions) are stored as plain text in
 * which blocks are separated by an empty line and list items are lines starting with {@code "- "} or
 * {@code "1. "}; {@link #parse(String)} reads that back.
 *
 * @param kind paragraph, list or numbered list
 * @param lines the paragraph's text (one line), or the list's items
 */
public record TextBlock(Kind kind, List<String> lines) {

	private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})[.)]\\s+(\\S.*)$");

	public TextBlock {
		Objects.requireNonNull(kind, "kind");
		lines = List.copyOf(lines);
	}

	/** What a block is. */
	public enum Kind {

		/** Running text. */
		PARAGRAPH,

		/** Items with bullets. */
		LIST,

		/** Numbered items. */
		NUMBERED

	}

	/**
	 * The blocks of a stored text field.
	 * @param text the text, may be empty
	 * @return the blocks in order, empty for an empty text
	 */
	public static List<TextBlock> parse(String text) {
		List<TextBlock> blocks = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return blocks;
		}
		for (String block : text.strip().split("\n\n+")) {
			List<String> lines = block.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
			if (!lines.isEmpty() && lines.stream().allMatch((line) -> line.startsWith("- "))) {
				blocks.add(new TextBlock(Kind.LIST, lines.stream().map((line) -> line.substring(2).strip()).toList()));
			}
			else if (!lines.isEmpty() && lines.stream().allMatch((line) -> NUMBERED.matcher(line).matches())) {
				blocks.add(new TextBlock(Kind.NUMBERED, lines.stream().map(TextBlock::withoutNumber).toList()));
			}
			else if (!lines.isEmpty()) {
				blocks.add(new TextBlock(Kind.PARAGRAPH, List.of(String.join(" ", lines))));
			}
		}
		return blocks;
	}

	/**
	 * Writes blocks in the stored form that {@link #parse(String)} reads.
	 * @param blocks the blocks
	 * @return the text
	 */
	public static String format(List<TextBlock> blocks) {
		List<String> parts = new ArrayList<>();
		for (TextBlock block : blocks) {
			StringBuilder part = new StringBuilder();
			for (int i = 0; i < block.lines().size(); i++) {
				String prefix = switch (block.kind()) {
					case PARAGRAPH -> "";
					case LIST -> "- ";
					case NUMBERED -> (i + 1) + ". ";
				};
				part.append((i > 0) ? "\n" : "").append(prefix).append(block.lines().get(i));
			}
			parts.add(part.toString());
		}
		return String.join("\n\n", parts);
	}

	/** The number of a numbered list item ("2. Doet iets"), or {@code null}. */
	public static String numberedItem(String line) {
		Matcher matcher = NUMBERED.matcher(line);
		return matcher.matches() ? matcher.group(2).strip() : null;
	}

	private static String withoutNumber(String line) {
		return numberedItem(line);
	}

}
