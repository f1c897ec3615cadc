package nl.werkproces.lti.rubric;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A printable A4 beoordelingsformulier for a rubric, from the XHTML template {@code templates/pdf/beoordelingsformulier.html}
 * rendered to a tagged PDF ({@link TaggedPdf}): dossier identity and version, werkproces, profiel and rubric version
 * at the top; fields for student, studentnummer, beoordelaars and datum; the criteria table with a checkbox per level
 * (column headings repeated on every page); total, cesuur, oordeel and cijfer; signature lines for student and both
 * assessors. Every page has a footer with dossier version, werkproces, rubric version and page number, so loose
 * pages stay traceable. Text is printed exactly in the embedded Unicode font.
 */
public final class BeoordelingsformulierPdf {

	private static final TemplateEngine TEMPLATES = templates();

	/** The form is Dutch; its level qualifiers come from the application's messages like on every page. */
	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private static final MessageSource MESSAGES = messages();

	private BeoordelingsformulierPdf() {
	}

	/**
	 * The form as PDF bytes.
	 * @param rubric the rubric
	 * @return a PDF document
	 */
	public static byte[] render(Rubric rubric) {
		return TaggedPdf.render(xhtml(rubric));
	}

	/**
	 * The form as PDF bytes.
	 * @param rubric the rubric
	 * @param versionPhrase the dossier version as people read it: "versie 2016" or "versie onbekend (geïmporteerd op
	 * …)"
	 * @return a PDF document
	 */
	public static byte[] render(Rubric rubric, String versionPhrase) {
		return TaggedPdf.render(xhtml(rubric, versionPhrase));
	}

	/**
	 * Writes the form as PDF.
	 * @param rubric the rubric
	 * @param out where the PDF goes; not closed
	 * @throws IOException when writing fails
	 */
	public static void write(Rubric rubric, OutputStream out) throws IOException {
		TaggedPdf.write(xhtml(rubric), out);
	}

	/**
	 * The form as the XHTML page the PDF is rendered from.
	 * @param rubric the rubric
	 * @return well-formed XHTML
	 */
	static String xhtml(Rubric rubric) {
		String stated = rubric.origin().statedVersion();
		return xhtml(rubric, (stated != null) ? "versie " + stated : "versie onbekend");
	}

	static String xhtml(Rubric rubric, String versionPhrase) {
		RubricOrigin origin = rubric.origin();
		Context context = new Context(Locale.forLanguageTag("nl"));
		context.setVariable("rubric", rubric);
		context.setVariable("o", origin);
		context.setVariable("title", "Beoordelingsformulier " + origin.werkprocesLabel());
		context.setVariable("subject", origin.dossierTitle() + ", " + versionPhrase);
		context.setVariable("dossierLine", "Kwalificatiedossier: " + origin.dossierTitle() + ", " + versionPhrase);
		context.setVariable("footer", "Rubric versie " + rubric.version().number() + " \u00b7 " + origin.dossierTitle()
				+ ", " + versionPhrase + " \u00b7 " + origin.werkprocesLabel());
		context.setVariable("headings", rubric.scale().scores().stream().map((score) -> heading(rubric, score)).toList());
		context.setVariable("criterionWidth", (rubric.scale() == RubricScale.OVG) ? 34 : 28);
		context.setVariable("rows", rows(rubric));
		// Thymeleaf reads "__" in an attribute as preprocessing: the blank line comes from here
		context.setVariable("totaalText", "________ van " + rubric.maximum() + " punten");
		int goed = (85 * rubric.maximum() + 99) / 100;
		context.setVariable("cesuurText", rubric.cesuur() + " punten (voldoende vanaf " + rubric.cesuur() + ", goed vanaf "
				+ goed + " als geen criterium onder voldoende is)");
		// the cijfer rule in words, not as a formula: what a teacher or student can check on paper
		context.setVariable("cijferRule", "Cijfer: precies de cesuur (" + rubric.cesuur() + " punten) geeft een 5,5 en het maximum ("
				+ rubric.maximum() + " punten) een 10, daartussen naar verhouding; onder de cesuur een cijfer onder de 5,5,"
				+ " naar verhouding vanaf een 1. Onder voldoende op een kritisch criterium is het cijfer maximaal 5,0. Het"
				+ " cijfer heeft \u00e9\u00e9n decimaal.");
		context.setVariable("kritisch", kritisch(rubric));
		context.setVariable("verdicts", Arrays.stream(Verdict.values()).map(Verdict::dutch).toList());
		return TEMPLATES.process("pdf/beoordelingsformulier", context);
	}

	private static List<Row> rows(Rubric rubric) {
		List<Row> rows = new ArrayList<>();
		List<Criterion> criteria = rubric.criteria();
		for (int i = 0; i < criteria.size(); i++) {
			Criterion criterion = criteria.get(i);
			List<String> levels = criterion.levels()
				.stream()
				.map((level) -> MESSAGES.getMessage(rubric.descriptor(criterion, level), DUTCH))
				.toList();
			rows.add(new Row((i + 1) + ". " + criterion.text(), tags(criterion), levels));
		}
		return rows;
	}

	private static String heading(Rubric rubric, int score) {
		String label = rubric.scale().label(score);
		String mark = (rubric.scale() == RubricScale.OVG) ? label.substring(0, 1).toUpperCase(Locale.ROOT)
				: String.valueOf(score);
		return mark + " " + label;
	}

	private static String tags(Criterion criterion) {
		StringBuilder tags = new StringBuilder((criterion.kind() == CriterionKind.PROCESS) ? "Proces" : "Product");
		if (criterion.kritisch()) {
			tags.append(" \u00b7 kritisch");
		}
		if (criterion.aanvullend()) {
			tags.append(" \u00b7 aanvullend");
		}
		return tags.toString();
	}

	private static String kritisch(Rubric rubric) {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < rubric.criteria().size(); i++) {
			if (rubric.criteria().get(i).kritisch()) {
				numbers.add(String.valueOf(i + 1));
			}
		}
		return numbers.isEmpty() ? "geen kritische criteria" : "criterium " + String.join(", ", numbers);
	}

	private static MessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static TemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(BeoordelingsformulierPdf.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		TemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/** One criterion as printed: numbered text, its tags and the text per level. */
	public record Row(String label, String tags, List<String> levels) {
	}

}
