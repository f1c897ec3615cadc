package nl.werkproces.lti.spec;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static nl.werkproces.lti.spec.LtiRole.ADMINISTRATOR;
import static nl.werkproces.lti.spec.LtiRole.INSTRUCTOR;
import static nl.werkproces.lti.spec.LtiRole.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

/** Mapping the roles claim to the tool's roles. */
class LtiRoleTests {

	private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

	@Test
	void moodleStudentIsLearner() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Learner"))).containsExactly(LEARNER);
	}

	@Test
	void moodleTeacherIsInstructor() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Instructor"))).containsExactly(INSTRUCTOR);
	}

	@Test
	void moodleSiteAdminIsAdministratorAndInstructor() {
		List<String> moodleAdminInCourse = List.of(LIS + "institution/person#Administrator",
				LIS + "membership#ContentDeveloper", LIS + "system/person#Administrator",
				LIS + "membership#Instructor");
		assertThat(LtiRole.fromClaims(moodleAdminInCourse)).containsExactlyInAnyOrder(ADMINISTRATOR, INSTRUCTOR);
	}

	@Test
	void institutionSystemAndContextAdministratorsAreAdministrators() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "institution/person#Administrator")))
			.containsExactly(ADMINISTRATOR);
		assertThat(LtiRole.fromClaims(List.of(LIS + "system/person#Administrator"))).containsExactly(ADMINISTRATOR);
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Administrator"))).containsExactly(ADMINISTRATOR);
	}

	@Test
	void shortRolesAreContextRoles() {
		assertThat(LtiRole.fromClaims(List.of("Learner"))).containsExactly(LEARNER);
		assertThat(LtiRole.fromClaims(List.of("Instructor"))).containsExactly(INSTRUCTOR);
		assertThat(LtiRole.fromClaims(List.of("Administrator"))).containsExactly(ADMINISTRATOR);
	}

	@Test
	void emptyClaimGivesNoRoles() {
		assertThat(LtiRole.fromClaims(List.of())).isEmpty();
		assertThat(LtiRole.fromClaims(List.of(""))).isEmpty();
		assertThat(LtiRole.fromClaims(List.of("  "))).isEmpty();
		assertThat(LtiRole.fromClaims(Arrays.asList((String) null))).isEmpty();
	}

	@Test
	void unknownRolesAreIgnored() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "unknown/unknown#Helper"))).isEmpty();
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Learner", LIS + "uknownrole/unknown#Unknown")))
			.containsExactly(LEARNER);
		assertThat(LtiRole.fromClaims(List.of("https://example.com/roles#Instructor"))).isEmpty();
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Instructorish"))).isEmpty();
	}

	@Test
	void institutionInstructorIsNoInstructorOfTheCourse() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "institution/person#Instructor"))).isEmpty();
		assertThat(LtiRole.fromClaims(List.of(LIS + "institution/person#Faculty"))).isEmpty();
	}

	@Test
	void institutionStudentIsNoLearnerOfTheCourse() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "institution/person#Student", LIS + "institution/person#Learner")))
			.isEmpty();
	}

	@Test
	void teachingAssistantSubRoleIsInstructor() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership/Instructor#TeachingAssistant")))
			.containsExactly(INSTRUCTOR);
	}

	@Test
	void otherContextRolesGiveNoRole() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Mentor", LIS + "membership#ContentDeveloper",
				LIS + "membership/Learner#NonCreditLearner")))
			.isEmpty();
	}

	@Test
	void severalRolesCombine() {
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Learner", LIS + "institution/person#Student",
				LIS + "institution/person#Mentor")))
			.containsExactly(LEARNER);
		assertThat(LtiRole.fromClaims(List.of(LIS + "membership#Instructor", LIS + "institution/person#Staff",
				LIS + "institution/person#Other")))
			.containsExactly(INSTRUCTOR);
	}

}
