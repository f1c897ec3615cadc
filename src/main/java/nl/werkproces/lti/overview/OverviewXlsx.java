package nl.werkproces.lti.overview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The overview as an Excel workbook: one sheet with grouped columns (the header rows in bold, each activity's
 * columns merged under its kerntaak and werkproces, cijfers as numbers with one decimal, the header rows frozen) and
 * a second sheet with the grading history. Written with POI's streaming workbook: rows go to a temporary file as
 * they are made (at most {@value #ROWS_IN_MEMORY} in memory), and closing the workbook deletes that file (POI 5.3+).
 */
final class OverviewXlsx {

	static final int ROWS_IN_MEMORY = 100;

	private OverviewXlsx() {
	}

	static byte[] write(OverviewTable table, String sheetName, String historySheetName) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.setCompressTempFiles(true);
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
			rows(sheet, table.rows(), table.headerRows(), styles);
			mergeActivityHeaders(sheet, table);
			sheet.createFreezePane(1, table.headerRows());
			Sheet history = workbook.createSheet(WorkbookUtil.createSafeSheetName(historySheetName));
			rows(history, table.history(), 1, styles);
			history.createFreezePane(1, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void rows(Sheet sheet, List<List<Object>> rows, int headerRows, Styles styles) {
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r);
			List<Object> values = rows.get(r);
			for (int c = 0; c < values.size(); c++) {
				org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
				Object value = values.get(c);
				if (value instanceof BigDecimal number) {
					cell.setCellValue(number.doubleValue());
					cell.setCellStyle(styles.cijfer);
				}
				else if (value instanceof Integer number) {
					cell.setCellValue(number);
				}
				else {
					cell.setCellValue(String.valueOf(value));
					if (r < headerRows) {
						cell.setCellStyle(styles.bold);
					}
				}
			}
		}
	}

	/** Merges the kerntaak, werkproces and rubric version cells over each activity's columns. */
	private static void mergeActivityHeaders(Sheet sheet, OverviewTable table) {
		int columnsRow = table.headerRows() - 1;
		int width = table.rows().get(columnsRow).size();
		for (int r = columnsRow - 3; r < columnsRow; r++) {
			for (int c = 1; c + OverviewTable.COLUMNS_PER_ACTIVITY - 1 < width; c += OverviewTable.COLUMNS_PER_ACTIVITY) {
				sheet.addMergedRegion(new CellRangeAddress(r, r, c, c + OverviewTable.COLUMNS_PER_ACTIVITY - 1));
			}
		}
	}

	private static final class Styles {

		final CellStyle bold;

		final CellStyle cijfer;

		Styles(SXSSFWorkbook workbook) {
			this.bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			this.bold.setFont(font);
			this.cijfer = workbook.createCellStyle();
			this.cijfer.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
		}

	}

}
