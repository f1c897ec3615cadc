package nl.werkproces.lti.overview;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.grading.StaffOnly;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.overview.CourseRecords.Course;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The course of a launch at a glance: for its staff the whole class, for a student their own portfolio. The course
 * is the launch's context on the launch's platform, nothing else: the session decides what can be read.
 */
@Service
class ClassOverviews {

	private static final Logger log = LoggerFactory.getLogger(ClassOverviews.class);

	private final CourseRecords records;

	ClassOverviews(CourseRecords records) {
		this.records = records;
	}

	/** The class overview; 403 for anyone but the course's staff, 404 for a launch outside a course. */
	ClassOverview forStaff(LaunchSession launch, String profiel, OverviewFilter filter) {
		return forStaff(launch, profiel, filter, OverviewSort.NAME, null);
	}

	/** The class overview with its students in {@code sort} order. */
	ClassOverview forStaff(LaunchSession launch, String profiel, OverviewFilter filter, OverviewSort sort,
			Long sortActivity) {
		Course course = course(StaffOnly.require(launch));
		return ClassOverview.of(this.records.read(course), profiel, filter, sort, sortActivity);
	}

	/** The class overview of every student with the grading history, for the exports; 403 as the page. */
	WithHistory forExport(LaunchSession launch, String profiel) {
		Course course = course(StaffOnly.require(launch));
		return new WithHistory(ClassOverview.of(this.records.read(course), profiel, OverviewFilter.ALL),
				this.records.versions(course));
	}

	/** An overview and its course's grading history (every final version). */
	record WithHistory(ClassOverview overview, List<CourseVersion> versions) {

	}

	/** The launch's user's own werkprocessen in the course. */
	ClassOverview portfolio(LaunchSession launch) {
		Course course = course(launch);
		return ClassOverview.of(this.records.readFor(course, launch.user().id()), null, OverviewFilter.ALL);
	}

	private static Course course(LaunchSession launch) {
		if (launch.context() == null) {
			log.info("Overview refused: reason=no-context platform={}", launch.platformId());
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "overview.noCourse");
		}
		return new Course(launch.platformId(), launch.context().id());
	}

}
