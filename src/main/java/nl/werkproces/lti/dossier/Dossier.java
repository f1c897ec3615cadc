package nl.werkproces.lti.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A kwalificatiedossier as data: basisdeel kerntaken and profielen with their own kerntaken.
 *
 * @param identity which dossier, in which version
 * @param source the kind of source it was imported from
 * @param profielen the profielen, in the order of their codes
 * @param kerntaken the kerntaken of the basisdeel, in the dossier's order
 */
public record Dossier(DossierIdentity identity, SourceKind source, List<Profiel> profielen, List<Kerntaak> kerntaken) {

	public Dossier {
		Objects.requireNonNull(identity, "identity");
		Objects.requireNonNull(source, "source");
		profielen = List.copyOf(profielen);
		kerntaken = List.copyOf(kerntaken);
	}

	/** The dossier's title. */
	public String titel() {
		return this.identity.titel();
	}

	/** The profiel with the given name (ignoring case). */
	public Optional<Profiel> profiel(String naam) {
		return this.profielen.stream().filter((profiel) -> profiel.hasNaam(naam)).findFirst();
	}

	/** The kerntaken a student of the given profiel works on: the basisdeel's, then the profiel's own. */
	public List<Kerntaak> kerntakenFor(String profielNaam) {
		List<Kerntaak> result = new ArrayList<>(this.kerntaken);
		profiel(profielNaam).ifPresent((profiel) -> result.addAll(profiel.kerntaken()));
		return List.copyOf(result);
	}

	/** All kerntaken: the basisdeel's, then each profiel's own. */
	public List<Kerntaak> allKerntaken() {
		return Stream.concat(this.kerntaken.stream(), this.profielen.stream().flatMap((p) -> p.kerntaken().stream()))
			.toList();
	}

	/** All werkprocessen of all kerntaken, in the dossier's order. */
	public List<Werkproces> allWerkprocessen() {
		return allKerntaken().stream().flatMap((kerntaak) -> kerntaak.werkprocessen().stream()).toList();
	}

	/** The kerntaak with the given code, in the basisdeel or a profiel. */
	public Optional<Kerntaak> kerntaak(String code) {
		return allKerntaken().stream().filter((kerntaak) -> kerntaak.code().equalsIgnoreCase(code)).findFirst();
	}

	/** The werkproces with the given code, in the basisdeel or a profiel. */
	public Optional<Werkproces> werkproces(String code) {
		return allWerkprocessen().stream().filter((werkproces) -> werkproces.code().equalsIgnoreCase(code)).findFirst();
	}

}
