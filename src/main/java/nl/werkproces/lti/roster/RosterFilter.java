package nl.werkproces.lti.roster;

/** The roster's filters. */
public enum RosterFilter {

	ALL, NOT_HANDED_IN, TO_GRADE, GRADED, NOT_DELIVERED

}
