package nl.werkproces.lti.overview;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The class at a glance for the course's staff (page, CSV and Excel) and the student's portfolio, reachable from
 * any launch in the course.
 */
@Controller
class OverviewController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ClassOverviews overviews;

	private final GradeLinks gradeLinks;

	private final MessageSource messages;

	private final Clock clock;

	private final SchoolClock schoolClock;

	OverviewController(ClassOverviews overviews, GradeLinks gradeLinks, MessageSource messages, Clock clock,
			SchoolClock schoolClock) {
		this.overviews = overviews;
		this.gradeLinks = gradeLinks;
		this.messages = messages;
		this.clock = clock;
		this.schoolClock = schoolClock;
	}

	@GetMapping("/app/overview")
	String overview(@AuthenticationPrincipal LaunchSession launch, @RequestParam(required = false) String profiel,
			@RequestParam(defaultValue = "ALL") OverviewFilter filter,
			@RequestParam(defaultValue = "NAME") OverviewSort sort, @RequestParam(required = false) Long activity,
			Locale locale, Model model) {
		ClassOverview overview = this.overviews.forStaff(launch, profiel, filter, sort, activity);
		model.addAttribute("launch", launch);
		model.addAttribute("overview", overview);
		model.addAttribute("cells", new OverviewCellsHtml(overview, this.messages, locale));
		model.addAttribute("kerntaken", overview.kerntaken());
		model.addAttribute("toGrade", overview.toGrade());
		model.addAttribute("profiel", (profiel != null && !profiel.isBlank()) ? profiel : null);
		model.addAttribute("filter", filter);
		model.addAttribute("filters", OverviewFilter.values());
		model.addAttribute("sort", sort);
		model.addAttribute("sortActivity", (sort == OverviewSort.WERKPROCES) ? activity : null);
		model.addAttribute("currentResourceLink", (launch.resourceLink() != null) ? launch.resourceLink().id() : null);
		return "overview/overview";
	}

	@GetMapping("/app/overview/export.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(required = false) String profiel, Locale locale) {
		return download(OverviewCsv.write(table(launch, profiel, locale),
				this.messages.getMessage("overview.export.history", null, locale)), CSV, "csv");
	}

	@GetMapping("/app/overview/export.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(required = false) String profiel, Locale locale) {
		OverviewTable table = table(launch, profiel, locale);
		return download(OverviewXlsx.write(table, this.messages.getMessage("overview.title", null, locale),
				this.messages.getMessage("overview.export.history", null, locale)), XLSX, "xlsx");
	}

	/** The grading screen of a student in another activity of the course ({@link GradeLinks}). */
	@GetMapping("/app/overview/grade/{activityId}/{userId}")
	String grade(@AuthenticationPrincipal LaunchSession launch, @PathVariable long activityId,
			@PathVariable long userId, HttpServletRequest request, HttpServletResponse response) {
		return "redirect:" + this.gradeLinks.gradingScreen(request, response, launch, activityId, userId);
	}

	@GetMapping("/app/portfolio")
	String portfolio(@AuthenticationPrincipal LaunchSession launch, Model model) {
		ClassOverview portfolio = this.overviews.portfolio(launch);
		model.addAttribute("launch", launch);
		model.addAttribute("portfolio", portfolio);
		model.addAttribute("kerntaken", portfolio.kerntaken());
		model.addAttribute("me", portfolio.students().isEmpty() ? null : portfolio.students().get(0));
		return "overview/portfolio";
	}

	private OverviewTable table(LaunchSession launch, String profiel, Locale locale) {
		ClassOverviews.WithHistory overview = this.overviews.forExport(launch, profiel);
		return OverviewTable.of(launch.context().title(), overview.overview(), overview.versions(), this.messages,
				locale, this.schoolClock);
	}

	private ResponseEntity<byte[]> download(byte[] body, MediaType type, String extension) {
		String name = "klasoverzicht-" + LocalDate.now(this.clock.withZone(this.schoolClock.zone())) + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
