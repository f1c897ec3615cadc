package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import nl.werkproces.lti.dossier.TextBlock;
import nl.werkproces.lti.dossier.text.ClassifiedLine.Kind;

/**
 * Assembles a running-text field (omschrijving, resultaat, complexiteit, verantwoordelijkheid en zelfstandigheid) from
 * the wrapped lines of a dossier's text, keeping its paragraphs and lists ({@link TextBlock}, stored form).
 * <p>
 * The text a PDF yields has a line break at every wrap, and blank lines inside sentences at page breaks; a paragraph
 * break looks the same as a wrap. Rule: a line ends a paragraph when it ends a sentence ({@code . ! ? :}, not an
 * abbreviation such as {@code m.b.t.} or {@code etc.}), the next line starts with a capital or a digit, and the next
 * line's first word would have fitted on it ({@code length + 1 + firstWord <= lineWidth}, the longest line of the
 * dossier): the layout never wraps a word that fits, so such a break was written. A sentence end followed by a blank
 * line is a paragraph break as well. A bullet ({@code •}, {@code -}, {@code *}) or a numbered line ({@code 1.}) starts a
 * list item; following lines continue the item until a paragraph break. Blank lines alone are wrapping.
 */
final class ParagraphAssembler {

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:][)\"'\u2019\u201d]*$");

	/** An abbreviation with inner dots ("m.b.t.", "t.o.v.", "o.a."). */
	private static final Pattern DOTTED_ABBREVIATION = Pattern.compile(".*\\p{L}\\.\\p{L}{1,3}\\.$");

	private static final Set<String> ABBREVIATIONS = Set.of("etc.", "enz.", "bijv.", "evt.", "ca.", "nl.", "resp.",
			"incl.", "excl.", "max.", "min.");

	private static final int BULLET_WIDTH = 2;

	private final int lineWidth;

	private final List<TextBlock> blocks = new ArrayList<>();

	private final List<String> items = new ArrayList<>();

	private TextBlock.Kind listKind;

	private LineJoiner current;

	private int currentLineLength;

	private String previousLine;

	private boolean blankSincePrevious;

	private ParagraphAssembler(int lineWidth) {
		this.lineWidth = lineWidth;
	}

	/**
	 * The field's text in {@link TextBlock}'s stored form.
	 * @param lines the field's lines, free of page artefacts
	 * @param lineWidth the length of the longest line of the dossier's text
	 * @return the text, empty if the lines hold none
	 */
	static String assemble(List<ClassifiedLine> lines, int lineWidth) {
		ParagraphAssembler assembler = new ParagraphAssembler(lineWidth);
		lines.forEach(assembler::accept);
		assembler.endBlock();
		return TextBlock.format(assembler.blocks);
	}

	private void accept(ClassifiedLine line) {
		if (line.kind() == Kind.BLANK) {
			this.blankSincePrevious = this.previousLine != null;
			return;
		}
		String text = line.text();
		String numbered = (line.kind() == Kind.BULLET) ? null : TextBlock.numberedItem(text);
		if (line.kind() == Kind.BULLET || numbered != null) {
			TextBlock.Kind kind = (numbered != null) ? TextBlock.Kind.NUMBERED : TextBlock.Kind.LIST;
			if (this.listKind != kind) {
				endBlock();
				this.listKind = kind;
			}
			else {
				endPart();
			}
			start((numbered != null) ? numbered : text,
					(numbered != null) ? text.length() : text.length() + BULLET_WIDTH);
		}
		else if (this.current != null && !isParagraphBreak(text)) {
			this.current.add(text);
			this.currentLineLength = text.length();
		}
		else {
			endBlock();
			start(text, text.length());
		}
		this.previousLine = text;
		this.blankSincePrevious = false;
	}

	private boolean isParagraphBreak(String next) {
		String line = this.previousLine;
		if (line == null || !SENTENCE_END.matcher(line).matches() || isAbbreviation(line)) {
			return false;
		}
		char first = next.charAt(0);
		if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
			return false;
		}
		int firstWord = next.split("\\s", 2)[0].length();
		return this.blankSincePrevious || this.currentLineLength + 1 + firstWord <= this.lineWidth;
	}

	private static boolean isAbbreviation(String line) {
		String last = line.substring(line.lastIndexOf(' ') + 1);
		return DOTTED_ABBREVIATION.matcher(last).matches() || ABBREVIATIONS.contains(last.toLowerCase(Locale.ROOT));
	}

	private void start(String text, int length) {
		this.current = new LineJoiner().add(text);
		this.currentLineLength = length;
	}

	/** Ends the paragraph or list item being read. */
	private void endPart() {
		if (this.current != null && !this.current.isEmpty()) {
			if (this.listKind != null) {
				this.items.add(this.current.toString());
			}
			else {
				this.blocks.add(new TextBlock(TextBlock.Kind.PARAGRAPH, List.of(this.current.toString())));
			}
		}
		this.current = null;
	}

	/** Ends the paragraph, or the list with its last item. */
	private void endBlock() {
		endPart();
		if (this.listKind != null && !this.items.isEmpty()) {
			this.blocks.add(new TextBlock(this.listKind, this.items));
		}
		this.items.clear();
		this.listKind = null;
	}

}
