package nl.werkproces.lti.overview;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The overview as CSV the way Dutch Excel opens it: UTF-8 with a byte order mark, {@code ;} between fields,
 * decimal comma, fields quoted when they hold a separator, quote or line break.
 */
final class OverviewCsv {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private OverviewCsv() {
	}

	static byte[] write(OverviewTable table) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		for (List<Object> row : table.rows()) {
			String line = row.stream().map(OverviewCsv::field).collect(Collectors.joining(";")) + "\r\n";
			out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
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
