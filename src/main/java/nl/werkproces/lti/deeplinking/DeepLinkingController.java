package nl.werkproces.lti.deeplinking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.activity.ActivitySetupForm;
import nl.werkproces.lti.activity.CurrentActivity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.activity.WerkprocesChoices;
import nl.werkproces.lti.dossier.CatalogWerkproces;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.launch.LaunchSession;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformUrls;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.spec.MessageType;
import nl.werkproces.lti.web.SchoolClock;
import nl.werkproces.lti.web.ToolUrls;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The teacher's side of Deep Linking: the werkproces picker and the signed answer that creates the activities,
 * each with its gradebook column, auto-posted to the platform's return URL.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dl/v2p0">Deep Linking 2.0</a>
 */
@Controller
class DeepLinkingController {

	private static final Logger log = LoggerFactory.getLogger(DeepLinkingController.class);

	private final WerkprocesChoices choices;

	private final DossierCatalog catalog;

	private final RubricVersions rubrics;

	private final Activities activities;

	private final DeepLinkingResponses responses;

	private final PlatformRegistrations registrations;

	private final ToolUrls urls;

	private final JsonMapper json;

	private final SchoolClock clock;

	DeepLinkingController(WerkprocesChoices choices, DossierCatalog catalog, RubricVersions rubrics,
			Activities activities, DeepLinkingResponses responses, PlatformRegistrations registrations, ToolUrls urls,
			JsonMapper json, SchoolClock clock) {
		this.clock = clock;
		this.choices = choices;
		this.catalog = catalog;
		this.rubrics = rubrics;
		this.activities = activities;
		this.responses = responses;
		this.registrations = registrations;
		this.urls = urls;
		this.json = json;
	}

	@GetMapping("/app/deep-linking")
	ModelAndView picker(@AuthenticationPrincipal LaunchSession launch, @RequestParam(required = false) Long dossier,
			@RequestParam(required = false) String profiel, @RequestParam(required = false) String q) {
		DeepLinkingSettings settings = settings(launch);
		return page(settings, dossier, profiel, q, null, HttpStatus.OK);
	}

	@PostMapping("/app/deep-linking")
	ModelAndView choose(@AuthenticationPrincipal LaunchSession launch, @ModelAttribute ActivitySetupForm form,
			HttpServletRequest request) {
		DeepLinkingSettings settings = settings(launch);
		String problem = form.problem(settings.acceptMultiple());
		if (problem != null) {
			return refusedChoice(settings, form, problem, null);
		}
		List<CatalogWerkproces> chosen = new ArrayList<>();
		for (String code : form.werkproces()) {
			try {
				chosen.add(this.catalog.werkproces(form.dossier(), code, form.profiel()));
			}
			catch (RuntimeException ex) {
				return refusedChoice(settings, form, "picker.error.unknown", code);
			}
		}
		List<ContentItem> items = new ArrayList<>();
		for (CatalogWerkproces werkproces : chosen) {
			double maximum = 10;
			if (form.mode() == GradeMode.POINTS) {
				maximum = this.rubrics.template(form.dossier(), werkproces.werkproces().code(), form.profiel()).maximum();
				if (maximum <= 0) {
					return refusedChoice(settings, form, "picker.error.noCriteria",
							werkproces.werkproces().code() + " " + werkproces.werkproces().titel());
				}
			}
			items.add(item(launch, form, werkproces, maximum, request));
		}
		Platform platform = platform(launch);
		ModelAndView page = new ModelAndView("deeplinking/return");
		page.addObject("returnUrl", settings.returnUrl());
		page.addObject("jwt", this.responses.sign(platform, launch.deploymentId(), settings, items, null));
		return page;
	}

	private ContentItem item(LaunchSession launch, ActivitySetupForm form, CatalogWerkproces chosen, double maximum,
			HttpServletRequest request) {
		String code = chosen.werkproces().code();
		String setupKey = this.activities.createPending(launch.platformId(), form.setup(code, this.clock), launch.user().id());
		String title = code + " " + chosen.werkproces().titel();
		String text = chosen.werkproces().omschrijving();
		if (text != null && text.length() > 500) {
			text = text.substring(0, 497) + "...";
		}
		Map<String, String> custom = new java.util.LinkedHashMap<>();
		custom.put(CurrentActivity.SETUP_KEY, setupKey);
		custom.put("werkproces_code", code);
		custom.put("werkproces_dossier", String.valueOf(form.dossier()));
		if (form.profiel() != null && !form.profiel().isBlank()) {
			custom.put("werkproces_profiel", form.profiel());
		}
		return new ContentItem(title.length() > 255 ? title.substring(0, 255) : title, text,
				this.urls.url(request, "/lti/launch"), custom,
				new ContentItem.LineItem(maximum, title.length() > 255 ? title.substring(0, 255) : title, code,
						"werkproces"));
	}

	private DeepLinkingSettings settings(LaunchSession launch) {
		if (!launch.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		if (launch.messageType() != MessageType.DEEP_LINKING) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		DeepLinkingSettings settings = DeepLinkingSettings.parse(launch.deepLinkingSettings(), this.json);
		if (settings == null || !settings.acceptsResourceLinks()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "picker.error.settings");
		}
		Platform platform = platform(launch);
		if (!PlatformUrls.isOnHostOf(settings.returnUrl(), platform.issuer(), platform.authorizationEndpoint())) {
			throw new DeepLinkingRefusal(DeepLinkingRefusal.Reason.RETURN_URL_NOT_ALLOWED,
					"platform " + platform.id() + ": deep_link_return_url is not https on the platform's host");
		}
		return settings;
	}

	private Platform platform(LaunchSession launch) {
		return this.registrations.findById(launch.platformId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@ExceptionHandler(DeepLinkingRefusal.class)
	ModelAndView refused(DeepLinkingRefusal ex) {
		log.warn("Deep Linking refused [{}]: {}", ex.reason().name(),
				ex.getMessage().substring(ex.reason().name().length() + 2));
		ModelAndView page = new ModelAndView("deeplinking/refused");
		page.setStatus(ex.reason().status());
		page.addObject("reason", ex.reason().name());
		return page;
	}

	private ModelAndView page(DeepLinkingSettings settings, Long dossier, String profiel, String q, String error,
			HttpStatus status) {
		ModelAndView page = new ModelAndView("deeplinking/picker");
		page.addObject("choices", this.choices.choices(dossier, profiel, q));
		page.addObject("multiple", settings.acceptMultiple());
		page.addObject("pickerError", error);
		page.setStatus(status);
		return page;
	}

	/** The picker again with every choice kept, saying what is wrong and, when one is, which werkproces. */
	private ModelAndView refusedChoice(DeepLinkingSettings settings, ActivitySetupForm form, String error,
			String werkproces) {
		ModelAndView page = page(settings, form.dossier(), form.profiel(), null, error, HttpStatus.BAD_REQUEST);
		page.addObject("chosen", form);
		page.addObject("pickerErrorWerkproces", werkproces);
		return page;
	}

}
