package nl.werkproces.lti.rubric;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The criteria table of the beoordelingsformulier: one row per criterion, one column per level with a checkbox. A
 * level cell shows the level's meaning ("Zoals beschreven") while the descriptor is the generated one, which only
 * repeats the criterion text, and the teacher's own descriptor when it was edited. Rows that do not fit move to the
 * next page, which repeats the column headings; a row taller than a page continues on the next one.
 */
final class BeoordelingsformulierTable {

	/** Width of the criterion column; the level columns share the rest. */
	static final float CRITERION_WIDTH = 205f;

	private static final float SIZE = 8f;

	private static final float LEADING = 10f;

	private static final float PADDING = 3f;

	private static final float CHECKBOX = 7f;

	private final PdfCanvas canvas;

	private final Rubric rubric;

	private final float levelWidth;

	private float headerHeight;

	BeoordelingsformulierTable(PdfCanvas canvas, Rubric rubric) {
		this.canvas = canvas;
		this.rubric = rubric;
		this.levelWidth = (canvas.width() - CRITERION_WIDTH) / rubric.scale().scores().size();
	}

	void draw() throws IOException {
		this.canvas.ensureSpace(headerCells().stream().mapToInt((cell) -> cell.lines.size()).max().orElse(1) * LEADING
				+ 4 * LEADING + 4 * PADDING);
		header();
		int number = 1;
		for (Criterion criterion : this.rubric.criteria()) {
			row(rowCells(number++, criterion));
		}
	}

	private void header() throws IOException {
		List<Cell> cells = headerCells();
		int lines = cells.stream().mapToInt((cell) -> cell.lines.size()).max().orElse(1);
		this.headerHeight = lines * LEADING + 2 * PADDING;
		float bottom = this.canvas.y - this.headerHeight;
		this.canvas.shade(this.canvas.left(), bottom, this.canvas.width(), this.headerHeight);
		drawChunk(cells, 0, lines, false);
	}

	private void row(List<Cell> cells) throws IOException {
		int total = cells.stream().mapToInt((cell) -> cell.lines.size()).max().orElse(1);
		float freshPage = PdfCanvas.PAGE.getHeight() - 2 * PdfCanvas.MARGIN - PdfCanvas.FOOTER_SPACE
				- this.headerHeight;
		if (height(total) > this.canvas.remaining() && height(total) <= freshPage) {
			continueOnNewPage();
		}
		int from = 0;
		while (from < total) {
			int fit = (int) ((this.canvas.remaining() - 2 * PADDING) / LEADING);
			if (fit < Math.min(total - from, 3)) {
				continueOnNewPage();
				continue;
			}
			int count = Math.min(fit, total - from);
			drawChunk(cells, from, count, from == 0);
			from += count;
		}
	}

	private void continueOnNewPage() throws IOException {
		this.canvas.newPage();
		header();
	}

	private void drawChunk(List<Cell> cells, int from, int count, boolean withCheckboxes) throws IOException {
		float top = this.canvas.y;
		float height = height(count);
		for (Cell cell : cells) {
			this.canvas.box(cell.x, top - height, cell.width, height);
			float textX = cell.x + PADDING;
			if (cell.checkbox) {
				if (withCheckboxes) {
					this.canvas.box(textX, top - PADDING - CHECKBOX - 0.5f, CHECKBOX, CHECKBOX);
				}
				textX += CHECKBOX + 3;
			}
			for (int i = from; i < Math.min(from + count, cell.lines.size()); i++) {
				Line line = cell.lines.get(i);
				this.canvas.text(textX, top - PADDING - SIZE - (i - from) * LEADING, line.font, SIZE, line.text);
			}
		}
		this.canvas.y -= height;
	}

	private List<Cell> headerCells() throws IOException {
		List<Cell> cells = new ArrayList<>();
		List<Line> heading = lines("Criterium", this.canvas.bold, CRITERION_WIDTH);
		cells.add(cell(this.canvas.left(), CRITERION_WIDTH, false, heading));
		float x = this.canvas.left() + CRITERION_WIDTH;
		for (int score : this.rubric.scale().scores()) {
			cells.add(cell(x, this.levelWidth, false, lines(heading(score), this.canvas.bold, this.levelWidth)));
			x += this.levelWidth;
		}
		return cells;
	}

	private List<Cell> rowCells(int number, Criterion criterion) throws IOException {
		List<Line> criterionLines = new ArrayList<>(lines(number + ". " + criterion.text(), this.canvas.regular,
				CRITERION_WIDTH));
		criterionLines.addAll(lines(tags(criterion), this.canvas.italic, CRITERION_WIDTH));
		List<Cell> cells = new ArrayList<>();
		cells.add(cell(this.canvas.left(), CRITERION_WIDTH, false, criterionLines));
		float x = this.canvas.left() + CRITERION_WIDTH;
		float textWidth = this.levelWidth - CHECKBOX - 3;
		for (Level level : criterion.levels()) {
			String text = LevelDescriptors.isGenerated(criterion, this.rubric.scale(), level)
					? LevelDescriptors.qualifier(criterion.kind(), this.rubric.scale(), level.score())
					: level.descriptor();
			cells.add(cell(x, this.levelWidth, true, lines(text, this.canvas.regular, textWidth)));
			x += this.levelWidth;
		}
		return cells;
	}

	private String heading(int score) {
		String label = this.rubric.scale().label(score);
		String mark = (this.rubric.scale() == RubricScale.OVG) ? label.substring(0, 1).toUpperCase(Locale.ROOT)
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

	private List<Line> lines(String text, PDFont font, float width) throws IOException {
		return this.canvas.wrap(text, font, SIZE, width - 2 * PADDING)
			.stream()
			.map((line) -> new Line(line, font))
			.toList();
	}

	private static float height(int lines) {
		return lines * LEADING + 2 * PADDING;
	}

	private static Cell cell(float x, float width, boolean checkbox, List<Line> lines) {
		return new Cell(x, width, checkbox, lines);
	}

	private record Line(String text, PDFont font) {
	}

	private record Cell(float x, float width, boolean checkbox, List<Line> lines) {
	}

}
