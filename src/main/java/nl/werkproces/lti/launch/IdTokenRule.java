package nl.werkproces.lti.launch;

/** One check of an id_token whose signature was verified; throws {@link LaunchException} when it fails. */
@FunctionalInterface
interface IdTokenRule {

	void check(IdToken token, LaunchCheck launch);

}
