package nl.werkproces.lti.evidence;

/**
 * A student of a platform as evidence names them: the display name (the platform's {@code name}, else given and
 * family name, else the launch subject) and the parts for file names.
 *
 * @param id the tool's user id ({@code lti_user.id})
 * @param givenName given name, or the display name's first words when the platform sent none
 * @param familyName family name, or the display name's last word when the platform sent none
 */
record StudentName(long id, String subject, String displayName, String givenName, String familyName) {

	static StudentName of(long id, String subject, String name, String given, String family) {
		String display = (name != null && !name.isBlank()) ? name.strip()
				: String.join(" ", java.util.stream.Stream.of(given, family)
					.filter((part) -> part != null && !part.isBlank())
					.toList());
		if (display.isBlank()) {
			display = subject;
		}
		String familyName = family;
		String givenName = given;
		if (familyName == null || familyName.isBlank()) {
			int space = display.lastIndexOf(' ');
			familyName = (space > 0) ? display.substring(space + 1) : display;
			givenName = (givenName == null || givenName.isBlank()) ? ((space > 0) ? display.substring(0, space) : "")
					: givenName;
		}
		return new StudentName(id, subject, display, givenName, familyName);
	}

}
