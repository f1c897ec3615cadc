package nl.werkproces.lti.dossier;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kerntaak and werkproces codes: {@code B1-K3} is kerntaak 3 of the basisdeel, {@code P1-K2-W3}
 * werkproces 3 of kerntaak 2 of profiel 1.
 */
public final class Codes {

	private static final Pattern PARTS = Pattern.compile("^([BP])(\\d+)-K(\\d+)(?:-W(\\d+))?$");

	/** Orders codes as the dossier does: basisdeel before profielen, then by number. */
	public static final Comparator<String> ORDER = Comparator.comparing(Codes::sortKey);

	private Codes() {
	}

	public static boolean isWerkproces(String code) {
		return code.contains("-W");
	}

	/** The kerntaak code of a werkproces code: {@code B1-K3-W2} gives {@code B1-K3}. */
	public static String kerntaakOf(String werkprocesCode) {
		return werkprocesCode.substring(0, werkprocesCode.indexOf("-W"));
	}

	/** Whether the code belongs to the basisdeel ({@code B1-...}) rather than a profiel. */
	public static boolean isBasis(String code) {
		return code.startsWith("B");
	}

	/** The profiel part of a profiel kerntaak code: {@code P2-K1} gives {@code P2}. */
	public static String profielOf(String code) {
		return code.substring(0, code.indexOf("-K"));
	}

	private static String sortKey(String code) {
		Matcher matcher = PARTS.matcher(code);
		if (!matcher.matches()) {
			return "Z" + code;
		}
		String werkproces = (matcher.group(4) != null) ? matcher.group(4) : "0";
		return String.format("%s%03d%03d%03d", matcher.group(1), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), Integer.parseInt(werkproces));
	}

}
