package nl.werkproces.lti.dossier.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.werkproces.lti.dossier.text.ClassifiedLine.Kind;

/**
 * Recognises the structural lines of a kwalificatiedossier: "B1-K1-W2: title" headings,
 * section headings, "Voor &lt;profiel&gt; geldt aanvullend:", the competenties line, "N.v.t." and
 * bullets.
 */
public final class LineClassifier {

	public static final String CODE = "[BP]\\d{1,2}-K\\d{1,2}(?:-W\\d{1,2})?";

	private static final Pattern HEADING = Pattern.compile("^(" + CODE + ")\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern AANVULLEND = Pattern
		.compile("^voor\\s+(?:de\\s+|het\\s+)?(.+?)\\s+geldt\\s+aanvullend\\s*:?$", Pattern.CASE_INSENSITIVE);

	private static final Pattern COMPETENTIES = Pattern
		.compile("^(?:de\\s+)?onderliggende\\s+competenties\\s+(?:zijn|is)\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern NOT_APPLICABLE = Pattern
		.compile("^(?:n\\.?\\s?v\\.?\\s?t\\.?|niet van toepassing\\.?)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern DASH_BULLET = Pattern.compile("^[-*]\\s+(\\S.*)$");

	private LineClassifier() {
	}

	/** Whether the line is a kerntaak or werkproces heading such as "B1-K1-W2: title". */
	public static boolean isHeading(String line) {
		return !line.isEmpty() && (line.charAt(0) == 'B' || line.charAt(0) == 'P' || line.charAt(0) == 'b'
				|| line.charAt(0) == 'p') && HEADING.matcher(line).matches();
	}

	public static ClassifiedLine classify(String line) {
		if (line.isBlank() || line.equals(TextNormalizer.PAGE_BREAK)) {
			return ClassifiedLine.of(Kind.BLANK, "");
		}
		Matcher heading = HEADING.matcher(line);
		if (heading.matches()) {
			return new ClassifiedLine(Kind.HEADING, heading.group(2).strip(), heading.group(1).toUpperCase(Locale.ROOT),
					null);
		}
		Optional<Section> section = Section.headedBy(line);
		if (section.isPresent()) {
			return new ClassifiedLine(Kind.SECTION, line, null, section.get());
		}
		return classifyContent(line);
	}

	private static ClassifiedLine classifyContent(String line) {
		Matcher aanvullend = AANVULLEND.matcher(line);
		if (aanvullend.matches()) {
			return ClassifiedLine.of(Kind.AANVULLEND, aanvullend.group(1).strip());
		}
		Matcher competenties = COMPETENTIES.matcher(line);
		if (competenties.matches()) {
			return ClassifiedLine.of(Kind.COMPETENTIES, competenties.group(1).strip());
		}
		if (NOT_APPLICABLE.matcher(line).matches()) {
			return ClassifiedLine.of(Kind.NOT_APPLICABLE, line);
		}
		if (line.charAt(0) == TextNormalizer.BULLET) {
			// The glyph may stand alone on its line, with the item's text on the next one.
			return ClassifiedLine.of(Kind.BULLET, line.substring(1).strip());
		}
		Matcher dash = DASH_BULLET.matcher(line);
		if (dash.matches()) {
			return ClassifiedLine.of(Kind.BULLET, dash.group(1).strip());
		}
		return ClassifiedLine.of(Kind.TEXT, line);
	}

}
