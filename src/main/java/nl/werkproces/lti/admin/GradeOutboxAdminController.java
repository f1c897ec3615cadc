package nl.werkproces.lti.admin;

import java.security.Principal;
import java.util.Map;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.delivery.GradeOutbox;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Grades that did not reach their platform yet (waiting or failed), across all platforms, with "try again now". */
@Controller
class GradeOutboxAdminController {


	private final JdbcClient jdbc;

	private final GradeOutbox outbox;

	private final AuditLog audit;

	private final SchoolClock clock;

	GradeOutboxAdminController(JdbcClient jdbc, GradeOutbox outbox, AuditLog audit, SchoolClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.audit = audit;
	}

	@GetMapping("/admin/grades")
	String undelivered(Model model) {
		model.addAttribute("grades", this.jdbc.sql("""
				SELECT g.id, p.name, g.resource_id, g.user_sub, g.score_given, g.score_maximum, g.status, g.attempts,
				       g.next_attempt_at, g.last_error, g.last_error_code
				FROM grade_outbox g JOIN platform p ON p.id = g.platform_id
				WHERE g.status IN ('WAITING', 'FAILED')
				ORDER BY g.next_attempt_at LIMIT 200""")
			.query((rs, row) -> Map.of("id", rs.getLong(1), "platform", rs.getString(2), "item",
					String.valueOf(rs.getString(3)), "user", rs.getString(4), "score",
					rs.getObject(5) + " / " + rs.getObject(6), "status", rs.getString(7), "attempts", rs.getInt(8),
					"next", this.clock.format(rs.getTimestamp(9).toInstant()), "error",
					(rs.getString(10) != null) ? rs.getString(10) : "", "problem",
					(rs.getString(11) != null) ? rs.getString(11) : ""))
			.list());
		return "admin/grades";
	}

	@PostMapping("/admin/grades/{id}/retry")
	String retry(@PathVariable long id, Principal admin) {
		if (this.outbox.retryNow(id)) {
			this.audit.record(admin.getName(), "grade.retry", "grade " + id, null, Map.of("retry", "now"));
		}
		return "redirect:/admin/grades";
	}

}
