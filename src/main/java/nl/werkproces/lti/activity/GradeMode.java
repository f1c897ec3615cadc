package nl.werkproces.lti.activity;

/** What the gradebook receives: a cijfer on 10, or the rubric's points. */
public enum GradeMode {

	CIJFER, POINTS

}
