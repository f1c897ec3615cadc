package nl.werkproces.lti.demo;

import java.util.List;
import java.util.Optional;

/** The people of the demo course. */
enum DemoUser {

	STUDENT("demo-student-1", "Sanne", "de Vries", "sanne.devries@student.demo-school.nl",
			"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
	STUDENT2("demo-student-2", "Mohammed", "El Amrani", "mohammed.elamrani@student.demo-school.nl",
			"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
	TEACHER("demo-teacher-1", "Jeroen", "Bakker", "j.bakker@demo-school.nl",
			"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"),
	/** A second instructor, to try the second assessor's confirmation. */
	TEACHER2("demo-teacher-2", "Fatima", "Yilmaz", "f.yilmaz@demo-school.nl",
			"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");

	private final String subject;

	private final String givenName;

	private final String familyName;

	private final String email;

	private final String role;

	DemoUser(String subject, String givenName, String familyName, String email, String role) {
		this.subject = subject;
		this.givenName = givenName;
		this.familyName = familyName;
		this.email = email;
		this.role = role;
	}

	String subject() {
		return this.subject;
	}

	String givenName() {
		return this.givenName;
	}

	String familyName() {
		return this.familyName;
	}

	String fullName() {
		return this.givenName + " " + this.familyName;
	}

	String email() {
		return this.email;
	}

	boolean learner() {
		return this.role.endsWith("#Learner");
	}

	/** The short role name NRPS uses ({@code Learner}, {@code Instructor}), as Moodle sends it. */
	String shortRole() {
		return this.role.substring(this.role.indexOf('#') + 1);
	}

	List<String> roles() {
		return List.of(this.role);
	}

	static Optional<DemoUser> bySubject(String subject) {
		for (DemoUser user : values()) {
			if (user.subject.equals(subject)) {
				return Optional.of(user);
			}
		}
		return Optional.empty();
	}

}
