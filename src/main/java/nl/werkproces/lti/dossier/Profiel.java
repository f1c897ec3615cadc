package nl.werkproces.lti.dossier;

import java.util.List;
import java.util.Objects;

/**
 * A profiel (kwalificatie) of the dossier. Profielen are identified by {@link #naam()}: dossiers
 * do not number them consistently (the overview may call a profiel P1 that the profieldeel calls
 * P2).
 *
 * @param code the code as printed in the profieldeel, e.g. {@code P1}; {@code null} if unknown
 * @param naam the name, e.g. "Netwerk- en mediabeheerder"
 * @param mboNiveau the mbo-niveau (1 to 4), {@code null} when the source does not state it
 * @param crebo the profiel's crebo code, {@code null} when the source does not state it
 * @param kerntaken the kerntaken specific to this profiel (on top of the basisdeel)
 */
public record Profiel(String code, String naam, Integer mboNiveau, String crebo, List<Kerntaak> kerntaken) {

	public Profiel {
		Objects.requireNonNull(naam, "naam");
		kerntaken = List.copyOf(kerntaken);
	}

	/** Whether this is the profiel with the given name (ignoring case). */
	public boolean hasNaam(String naam) {
		return this.naam.equalsIgnoreCase(naam.strip());
	}

}
