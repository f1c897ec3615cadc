package nl.werkproces.lti.demo;

import java.util.List;

import nl.werkproces.lti.web.SchoolClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo course's gradebook: per line item and student the score, maximum and comment the tool posted. */
@Controller
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoGradebookController {

	private final DemoGradebook gradebook;

	private final SchoolClock clock;

	DemoGradebookController(DemoGradebook gradebook, SchoolClock clock) {
		this.gradebook = gradebook;
		this.clock = clock;
	}

	@GetMapping("/demo/gradebook")
	String gradebook(Model model) {
		List<Column> columns = this.gradebook.lineItems().stream().map(this::column).toList();
		model.addAttribute("columns", columns);
		return "demo/gradebook";
	}

	private Column column(DemoGradebook.DemoLineItem item) {
		List<Row> rows = java.util.Arrays.stream(DemoUser.values())
			.filter(DemoUser::learner)
			.map((user) -> row(user, this.gradebook.grade(item.id(), user.subject()).orElse(null)))
			.toList();
		return new Column(item.label(), number(item.scoreMaximum()), item.resourceId(), rows);
	}

	private Row row(DemoUser user, DemoGradebook.DemoGrade grade) {
		if (grade == null) {
			return new Row(user.subject(), user.fullName(), null, "", "", "");
		}
		return new Row(user.subject(), user.fullName(), (grade.scoreGiven() != null) ? number(grade.scoreGiven()) : null,
				number(grade.scoreMaximum()), (grade.comment() != null) ? grade.comment() : "",
				this.clock.format(grade.timestamp()));
	}

	private static String number(double value) {
		return String.format(java.util.Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "").replace('.', ',');
	}

	record Column(String label, String scoreMaximum, String resourceId, List<Row> rows) {

	}

	/** One student's cell; {@code score} null when there is no grade (never posted, or cleared). */
	record Row(String subject, String student, String score, String maximum, String comment, String time) {

	}

}
