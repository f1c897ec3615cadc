package nl.werkproces.lti.overview;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.werkproces.lti.grading.GradingStatus;
import nl.werkproces.lti.rubric.Verdict;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The cells of one student's row of the class overview as HTML, for {@code th:utext}: a course of 200 students ×
 * 16 werkprocessen has 3,200 cells, and a cell laid out by the template costs some twenty expression evaluations
 * (reflection on the cell record each time) and a number format. Here each distinct cell content (verdict, cijfer,
 * grading status, hand-in, late, gradebook) is written once per page and reused; only the cell's opening tag differs
 * per activity. The markup is the one the page had as a template (classes, {@code data-*} attributes, texts from the
 * messages bundle); every text is HTML-escaped, and no text of a person (names, remarks) appears in a cell.
 */
public final class OverviewCellsHtml {

	private final ClassOverview overview;

	private final List<CourseActivity> columns;

	private final MessageSource messages;

	private final Locale locale;

	private final DecimalFormat cijfer;

	private final Map<Content, String> written = new HashMap<>();

	private final Map<String, String> texts = new HashMap<>();

	OverviewCellsHtml(ClassOverview overview, MessageSource messages, Locale locale) {
		this.overview = overview;
		this.columns = overview.kerntaken().stream().flatMap((k) -> k.activities().stream()).toList();
		this.messages = messages;
		this.locale = locale;
		// as #numbers.formatDecimal(c, 1, 1, 'DEFAULT'): one decimal, the locale's decimal separator
		this.cijfer = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale));
	}

	/** The row's cells, one {@code <td>} per activity in the table's column order (kerntaak by kerntaak). */
	public String row(CourseStudent student) {
		StringBuilder html = new StringBuilder(this.columns.size() * 120);
		for (CourseActivity activity : this.columns) {
			Cell cell = this.overview.cell(student, activity);
			Cell.GradebookState gradebook = cell.gradebook();
			html.append("<td class=\"cell\" data-activity=\"")
				.append(activity.id())
				.append("\" data-gradebook=\"")
				.append(gradebook.name())
				.append("\">")
				.append(this.written.computeIfAbsent(Content.of(cell, gradebook), this::content))
				.append("</td>");
		}
		return html.toString();
	}

	private String content(Content c) {
		StringBuilder html = new StringBuilder(160);
		if (c.graded() && c.verdict() != null) {
			span(html, "verdict verdict-" + c.verdict().name(), text("verdict." + c.verdict().name()));
		}
		if (c.graded() && c.cijfer() != null) {
			span(html, "cijfer", this.cijfer.format(c.cijfer()));
		}
		if (c.status() != null && !c.graded()) {
			span(html, "cell-line status", text("grading.status." + c.status().name()));
		}
		span(html, "cell-line handin", text(c.handedIn() ? "overview.handIn.done" : "overview.handIn.none"));
		if (c.late()) {
			span(html, "badge kritisch late", text("roster.late"));
		}
		if (c.gradebook() != Cell.GradebookState.NONE) {
			span(html, "cell-line gradebook gradebook-" + c.gradebook().name(),
					text("overview.gradebook." + c.gradebook().name()));
		}
		return html.toString();
	}

	private static void span(StringBuilder html, String cssClass, String escapedText) {
		html.append("<span class=\"").append(cssClass).append("\">").append(escapedText).append("</span>");
	}

	private String text(String key) {
		return this.texts.computeIfAbsent(key,
				(k) -> HtmlUtils.htmlEscape(this.messages.getMessage(k, null, this.locale)));
	}

	/** What a cell shows, without its column. */
	private record Content(GradingStatus status, boolean graded, Verdict verdict, BigDecimal cijfer,
			boolean handedIn, boolean late, Cell.GradebookState gradebook) {

		static Content of(Cell cell, Cell.GradebookState gradebook) {
			// BigDecimal equality counts the scale: 6.0 and 6.00 would be two entries, both written alike
			return new Content(cell.status(), cell.graded(), cell.verdict(), cell.cijfer(), cell.handedIn(),
					cell.late(), gradebook);
		}

	}

}
