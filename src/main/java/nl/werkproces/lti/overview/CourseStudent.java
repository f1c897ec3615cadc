package nl.werkproces.lti.overview;

/** A student of the course as the tool knows them; {@code subject} is the launch {@code sub}. */
public record CourseStudent(long id, String subject, String name) {

	public String displayName() {
		return (this.name != null && !this.name.isBlank()) ? this.name : this.subject;
	}

}
