package nl.werkproces.lti.dossier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profieldeel's own statements about its profielen: "P2 Netwerk- en mediabeheerder",
 * "Mbo-niveau" with its value (on the same or the next line) and a crebo if printed.
 *
 * @param profielen the profielen in the profieldeel's order
 */
record Profieldeel(List<Entry> profielen) {

	private static final Pattern PROFIEL = Pattern.compile("^(P\\d{1,2})\\s+(\\S.*)$");

	private static final Pattern NIVEAU_LABEL = Pattern.compile("^mbo-niveau\\s*:?\\s*(?:([1-4])\\b.*)?$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NIVEAU_VALUE = Pattern.compile("^([1-4])(?:\\s*\\(.*\\))?$");

	private static final Pattern CREBO = Pattern.compile("^crebo\\S*\\s*:?\\s*(\\d{5})\\b", Pattern.CASE_INSENSITIVE);

	/** One profiel of the profieldeel; {@code mboNiveau} and {@code crebo} may be {@code null}. */
	record Entry(String code, String naam, Integer mboNiveau, String crebo) {
	}

	static Profieldeel parse(List<String> lines) {
		List<Entry> profielen = new ArrayList<>();
		boolean expectNiveau = false;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			Matcher profiel = PROFIEL.matcher(line);
			Matcher label = NIVEAU_LABEL.matcher(line);
			Matcher value = NIVEAU_VALUE.matcher(line);
			Matcher crebo = CREBO.matcher(line);
			int last = profielen.size() - 1;
			if (profiel.matches()) {
				profielen.add(new Entry(profiel.group(1), profiel.group(2).strip(), null, null));
			}
			else if (last >= 0 && label.matches() && label.group(1) != null) {
				profielen.set(last, withNiveau(profielen.get(last), label.group(1)));
			}
			else if (last >= 0 && expectNiveau && value.matches()) {
				profielen.set(last, withNiveau(profielen.get(last), value.group(1)));
			}
			else if (last >= 0 && crebo.find()) {
				Entry entry = profielen.get(last);
				profielen.set(last, new Entry(entry.code(), entry.naam(), entry.mboNiveau(), crebo.group(1)));
			}
			expectNiveau = label.matches() && label.group(1) == null;
		}
		return new Profieldeel(profielen);
	}

	private static Entry withNiveau(Entry entry, String niveau) {
		return new Entry(entry.code(), entry.naam(), Integer.valueOf(niveau), entry.crebo());
	}

}
