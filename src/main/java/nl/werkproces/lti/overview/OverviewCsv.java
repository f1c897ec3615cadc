package nl.werkproces.lti.overview;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The overview as CSV the way Dutch Excel opens it: UTF-8 with a byte order mark, {@code ;} between fields,
 * decimal comma, fields quoted when they hold a separator, quote or line break. After the overview, one empty line,
 * a line naming the grading history, and the history's rows.
 */
final class OverviewCsv {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private OverviewCsv() {
	}

	static byte[] write(OverviewTable table, String historyTitle) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		table.rows().forEach((row) -> line(out, row));
		line(out, List.of());
		line(out, List.of(historyTitle));
		table.history().forEach((row) -> line(out, row));
		return out.toByteArray();
	}

	private static void line(ByteArrayOutputStream out, List<Object> row) {
		String line = row.stream().map(OverviewCsv::field).collect(Collectors.joining(";")) + "\r\n";
		out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
	}

	static String field(Object value) {
		String text = (value instanceof BigDecimal number) ? number.toPlainString().replace('.', ',')
				: String.valueOf(value);
		if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
			// a name or remark must not run as a spreadsheet formula
			text = "'" + text;
		}
		if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
