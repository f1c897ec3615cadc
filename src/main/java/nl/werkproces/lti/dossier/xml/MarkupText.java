package nl.werkproces.lti.dossier.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.dossier.text.ClassifiedLine;
import nl.werkproces.lti.dossier.text.LineClassifier;
import nl.werkproces.lti.dossier.text.LineJoiner;
import nl.werkproces.lti.dossier.text.TextNormalizer;

/**
 * Plain lines from SBB's XML text fields, which are mostly plain text but may hold (escaped)
 * HTML such as {@code <p>}, {@code <br>} and {@code <li>}. "N.v.t." lines are dropped: they
 * mean there is nothing.
 */
final class MarkupText {

	private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");

	private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(?:p|div|li|h\\d|tr)>");

	private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li(?:\\s[^<>]*)?>");

	private MarkupText() {
	}

	/** The text's lines, normalized ({@link TextNormalizer#normalizeLine}), markup removed. */
	static List<String> lines(String text) {
		String plain = text;
		for (int round = 0; round < 2 && (TAG.matcher(plain).find() || plain.contains("&lt;")); round++) {
			plain = unescape(stripTags(plain));
		}
		List<String> lines = new ArrayList<>();
		for (String line : plain.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
			String normalized = TextNormalizer.normalizeLine(line);
			if (LineClassifier.classify(normalized).kind() != ClassifiedLine.Kind.NOT_APPLICABLE) {
				lines.add(normalized);
			}
		}
		return lines;
	}

	/** The text as one paragraph: lines joined with single spaces. */
	static String paragraph(String text) {
		return LineJoiner.join(lines(text));
	}

	/**
	 * The text with its structure kept ({@link TextBlock}): every line of an XML text field is a paragraph of its
	 * own, unless it is a bullet ({@code •}, {@code -}, {@code *}, {@code <li>}) or numbered ({@code 1.}) list item;
	 * consecutive items form one list. Whitespace inside a line is normalised.
	 */
	static String structured(String text) {
		List<TextBlock> blocks = new ArrayList<>();
		List<String> items = new ArrayList<>();
		TextBlock.Kind listKind = null;
		for (String line : lines(text)) {
			ClassifiedLine classified = LineClassifier.classify(line);
			String numbered = TextBlock.numberedItem(line);
			TextBlock.Kind kind = (classified.kind() == ClassifiedLine.Kind.BULLET) ? TextBlock.Kind.LIST
					: (numbered != null) ? TextBlock.Kind.NUMBERED : null;
			if (listKind != null && kind != listKind && !line.isBlank()) {
				blocks.add(new TextBlock(listKind, items));
				items = new ArrayList<>();
				listKind = null;
			}
			if (kind != null) {
				listKind = kind;
				String item = (kind == TextBlock.Kind.LIST) ? classified.text() : numbered;
				if (!item.isEmpty()) {
					items.add(item);
				}
			}
			else if (!line.isBlank()) {
				blocks.add(new TextBlock(TextBlock.Kind.PARAGRAPH, List.of(line)));
			}
		}
		if (listKind != null) {
			blocks.add(new TextBlock(listKind, items));
		}
		return TextBlock.format(blocks.stream().filter((block) -> !block.lines().isEmpty()).toList());
	}

	private static String stripTags(String text) {
		String withBreaks = LIST_ITEM.matcher(LINE_BREAK.matcher(text).replaceAll("\n")).replaceAll("\n- ");
		return TAG.matcher(withBreaks).replaceAll("");
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&apos;", "'")
			.replace("&#39;", "'")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&");
	}

}
