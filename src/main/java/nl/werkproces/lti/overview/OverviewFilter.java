package nl.werkproces.lti.overview;

/** The overview's filters on students: all, those with work to grade, those with an onvoldoende. */
public enum OverviewFilter {

	ALL, TO_GRADE, ONVOLDOENDE

}
