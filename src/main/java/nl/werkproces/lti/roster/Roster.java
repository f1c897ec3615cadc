package nl.werkproces.lti.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.delivery.GradeDeliveryStatus;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.grading.GradeTargets;
import nl.werkproces.lti.grading.Grading;
import nl.werkproces.lti.grading.GradingRecords;
import nl.werkproces.lti.grading.HandInsToGrade;
import nl.werkproces.lti.grading.HandInsToGrade.HandIn;
import nl.werkproces.lti.grading.Students;
import nl.werkproces.lti.grading.Students.Student;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.nrps.Membership;
import nl.werkproces.lti.nrps.NrpsClient;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.Rubric;
import nl.werkproces.lti.services.PlatformServiceException;

import org.springframework.stereotype.Service;

/**
 * The students of an activity: the course's learners from Names and Roles (every page), merged by {@code sub} with
 * the students who launched the activity, handed in or were graded; with hand-in, grading and delivery status.
 * When Names and Roles fails the roster still lists the students the tool knows, and says so.
 */
@Service
public class Roster {

	private static final Logger log = LoggerFactory.getLogger(Roster.class);

	/** The roster and whether the course's member list could be read. */
	public record View(List<RosterEntry> entries, boolean membersUnavailable) {

	}

	private final NrpsClient nrps;

	private final PlatformRegistrations platforms;

	private final Students students;

	private final HandInsToGrade handIns;

	private final GradingRecords gradings;

	private final GradeOutbox outbox;

	Roster(NrpsClient nrps, PlatformRegistrations platforms, Students students, HandInsToGrade handIns,
			GradingRecords gradings, GradeOutbox outbox) {
		this.nrps = nrps;
		this.platforms = platforms;
		this.students = students;
		this.handIns = handIns;
		this.gradings = gradings;
		this.outbox = outbox;
	}

	public View of(LaunchSession launch, Activity activity, Rubric rubric) {
		Map<Long, HandIn> handIns = this.handIns.forActivity(activity.id())
			.stream()
			.collect(Collectors.toMap(HandIn::userId, Function.identity()));
		Map<Long, Grading> gradings = this.gradings.forActivity(activity.id())
			.stream()
			.collect(Collectors.toMap(Grading::studentUserId, Function.identity()));
		Map<String, GradeDeliveryStatus> deliveries = GradeTargets.of(launch, activity, rubric)
			.map(this.outbox::statuses)
			.orElse(Map.of());
		Map<String, RosterEntry> bySubject = new LinkedHashMap<>();
		for (Student student : this.students.of(activity)) {
			bySubject.put(student.subject(), new RosterEntry(student.id(), student.subject(), student.name(),
					handIns.get(student.id()), gradings.get(student.id()), deliveries.get(student.subject())));
		}
		Optional<List<Membership>> members = members(launch);
		members.orElse(List.of())
			.stream()
			.filter((member) -> member.active() && member.hasRole("Learner"))
			.forEach((member) -> bySubject.computeIfAbsent(member.userId(),
					(sub) -> new RosterEntry(null, sub, member.name(), null, null, deliveries.get(sub))));
		List<RosterEntry> entries = new ArrayList<>(bySubject.values());
		entries.sort(Comparator.comparing((RosterEntry entry) -> entry.displayName().toLowerCase()));
		return new View(entries, members.isEmpty());
	}

	/** The active learner of the course with this NRPS {@code user_id}, when Names and Roles lists them. */
	public Optional<Membership> learner(LaunchSession launch, String userId) {
		return members(launch).orElse(List.of())
			.stream()
			.filter((member) -> member.active() && member.hasRole("Learner") && member.userId().equals(userId))
			.findFirst();
	}

	private Optional<List<Membership>> members(LaunchSession launch) {
		String url = (launch.services() != null) ? launch.services().membershipsUrl() : null;
		if (url == null) {
			return Optional.empty();
		}
		try {
			return this.platforms.findById(launch.platformId()).map((platform) -> this.nrps.members(platform, url));
		}
		catch (PlatformServiceException ex) {
			log.warn("Roster of platform {} without Names and Roles: {}", launch.platformId(), ex.getMessage());
			return Optional.empty();
		}
	}

}
