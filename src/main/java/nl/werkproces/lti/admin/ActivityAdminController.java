package nl.werkproces.lti.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import nl.werkproces.lti.audit.AuditLog;
import nl.werkproces.lti.launch.RejectedLaunches;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What happened: launches per platform (last 7 days), rejected launches with reason codes, the audit log. */
@Controller
class ActivityAdminController {


	private final JdbcClient jdbc;

	private final RejectedLaunches rejections;

	private final AuditLog audit;

	private final Clock clock;

	private final SchoolClock schoolClock;

	ActivityAdminController(JdbcClient jdbc, RejectedLaunches rejections, AuditLog audit, Clock clock, SchoolClock schoolClock) {
		this.schoolClock = schoolClock;
		this.jdbc = jdbc;
		this.rejections = rejections;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/admin/activity")
	String activity(Model model) {
		var since = java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(7)));
		model.addAttribute("launches", this.jdbc.sql("""
				SELECT p.name, COUNT(u.id), MAX(u.updated_at) FROM platform p
				JOIN lti_user u ON u.platform_id = p.id AND u.updated_at > ?
				GROUP BY p.id, p.name ORDER BY p.name""")
			.param(since)
			.query((rs, row) -> Map.of("platform", rs.getString(1), "users", rs.getLong(2), "last",
					this.schoolClock.format(rs.getTimestamp(3).toInstant())))
			.list());
		model.addAttribute("rejections", this.rejections.recent(100)
			.stream()
			.map((r) -> Map.of("at", this.schoolClock.format(r.occurredAt()), "reason", r.reason(), "detail", r.detail()))
			.toList());
		model.addAttribute("imports", this.jdbc.sql("""
				SELECT titel, lineage_version, source_kind, imported_at, imported_by FROM dossier
				ORDER BY imported_at DESC LIMIT 50""")
			.query((rs, row) -> Map.of("title", rs.getString(1), "version", rs.getInt(2), "kind", rs.getString(3),
					"at", this.schoolClock.format(rs.getTimestamp(4).toInstant()), "by", rs.getString(5)))
			.list());
		return "admin/activity";
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		model.addAttribute("events", this.audit.recent(200)
			.stream()
			.map((e) -> Map.of("at", this.schoolClock.format(e.occurredAt()), "actor", e.actor(), "action", e.action(), "target",
					e.target(), "before", (e.before() != null) ? e.before() : "", "after",
					(e.after() != null) ? e.after() : ""))
			.toList());
		return "admin/audit";
	}

}
