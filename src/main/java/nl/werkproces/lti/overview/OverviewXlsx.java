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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The overview as one Excel sheet with grouped columns: the header rows in bold, each activity's four columns
 * merged under its kerntaak and werkproces, cijfers as numbers with one decimal, the header rows frozen.
 */
final class OverviewXlsx {

	private OverviewXlsx() {
	}

	static byte[] write(OverviewTable table, String sheetName) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle cijfer = workbook.createCellStyle();
			cijfer.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
			List<List<Object>> rows = table.rows();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
					Object value = values.get(c);
					if (value instanceof BigDecimal number) {
						cell.setCellValue(number.doubleValue());
						cell.setCellStyle(cijfer);
					}
					else {
						cell.setCellValue(String.valueOf(value));
						if (r < table.headerRows()) {
							cell.setCellStyle(bold);
						}
					}
				}
			}
			mergeActivityHeaders(sheet, table);
			sheet.createFreezePane(1, table.headerRows());
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

}
