package nl.werkproces.lti.ags;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.services.LinkHeaders;
import nl.werkproces.lti.services.PlatformServiceException;
import nl.werkproces.lti.services.PlatformServiceRequests;
import nl.werkproces.lti.services.ServiceFailure;
import nl.werkproces.lti.services.ServiceResponse;
import nl.werkproces.lti.services.ServicesProperties;
import nl.werkproces.lti.spec.LtiScopes;

import org.springframework.stereotype.Component;

/**
 * The Assignment and Grade Services of a platform: list, find and create line items, post scores.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-ags/v2p0/">AGS 2.0</a>
 */
@Component
public class AgsClient {

	private static final Logger log = LoggerFactory.getLogger(AgsClient.class);

	private static final Set<String> LINE_ITEM_SCOPES = Set.of(LtiScopes.LINEITEM);

	private static final Set<String> SCORE_SCOPES = Set.of(LtiScopes.SCORE);

	private final PlatformServiceRequests requests;

	private final JsonMapper json;

	private final int maxPages;

	AgsClient(PlatformServiceRequests requests, JsonMapper json, ServicesProperties properties) {
		this.requests = requests;
		this.json = json;
		this.maxPages = properties.maxPages();
	}

	/** Every line item of the container, following each {@code Link rel="next"} page. */
	public List<LineItem> lineItems(Platform platform, String lineItemsUrl) {
		List<LineItem> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Optional<String> page = Optional.of(lineItemsUrl);
		while (page.isPresent()) {
			String url = page.get();
			if (!seen.add(url) || seen.size() > this.maxPages) {
				log.warn("Platform '{}': line item paging stopped at a repeated URL or after {} pages",
						platform.name(), seen.size() - 1);
				break;
			}
			ServiceResponse response = this.requests.get(platform, LINE_ITEM_SCOPES, url,
					AgsMediaTypes.LINE_ITEM_CONTAINER);
			requireSuccess(platform, response, "listing line items");
			items.addAll(List.of(parse(response, LineItem[].class)));
			page = LinkHeaders.next(response.links(), url);
		}
		return items;
	}

	/** Creates the line item in the container; the answer carries its {@code id}. */
	public LineItem createLineItem(Platform platform, String lineItemsUrl, LineItem lineItem) {
		ServiceResponse response = this.requests.post(platform, LINE_ITEM_SCOPES, lineItemsUrl,
				AgsMediaTypes.LINE_ITEM, AgsMediaTypes.LINE_ITEM, this.json.writeValueAsString(lineItem));
		requireSuccess(platform, response, "creating a line item");
		LineItem created = parse(response, LineItem.class);
		if (created.id() == null || created.id().isBlank()) {
			throw new PlatformServiceException(ServiceFailure.INVALID_RESPONSE, "created line item has no id");
		}
		log.info("Platform '{}': created line item '{}' ({})", platform.name(), lineItem.label(),
				lineItem.resourceId());
		return created;
	}

	/**
	 * The container's line item with the wanted {@code resourceId} (and {@code tag}, when given), else a new one
	 * made from {@code wanted}.
	 */
	public LineItem findOrCreateLineItem(Platform platform, String lineItemsUrl, LineItem wanted) {
		return lineItems(platform, lineItemsUrl).stream()
			.filter((item) -> wanted.resourceId() != null && wanted.resourceId().equals(item.resourceId()))
			.filter((item) -> wanted.tag() == null || wanted.tag().isEmpty() || wanted.tag().equals(item.tag()))
			.findFirst()
			.orElseGet(() -> createLineItem(platform, lineItemsUrl, wanted));
	}

	/**
	 * Posts the score to the line item's scores endpoint. The outcome is a result, not an exception: delivered,
	 * already newer (409), rejected by the platform (other 4xx, with its text) or temporarily failing.
	 */
	public ScoreResult postScore(Platform platform, String lineItemUrl, Score score) {
		ServiceResponse response;
		try {
			response = this.requests.post(platform, SCORE_SCOPES, ServiceUrls.scores(lineItemUrl),
					AgsMediaTypes.SCORE, "application/json, */*", this.json.writeValueAsString(score));
		}
		catch (PlatformServiceException ex) {
			return new ScoreResult(ex.temporary() ? ScoreResult.Outcome.TEMPORARILY_FAILING
					: ScoreResult.Outcome.REJECTED, ex.status(), describe(ex));
		}
		int status = response.status();
		if (response.successful()) {
			return ScoreResult.delivered(status);
		}
		if (status == 409) {
			return new ScoreResult(ScoreResult.Outcome.ALREADY_NEWER, status, "the platform has a newer score");
		}
		String message = response.platformMessage();
		log.warn("Platform '{}' answered HTTP {} to a score for line item {}: {}", platform.name(), status,
				lineItemUrl, message);
		if (status == 401 || status == 408 || status == 429 || status >= 500) {
			return new ScoreResult(ScoreResult.Outcome.TEMPORARILY_FAILING, status,
					"the platform answered HTTP " + status + ((message != null) ? ": " + message : ""));
		}
		return new ScoreResult(ScoreResult.Outcome.REJECTED, status, (message != null) ? message : "HTTP " + status);
	}

	private static String describe(PlatformServiceException ex) {
		return switch (ex.failure()) {
			case TOKEN_REFUSED -> "the platform refused the tool's access token request"
					+ ((ex.platformMessage() != null) ? ": " + ex.platformMessage() : "");
			case TOKEN_UNAVAILABLE -> "the platform's token endpoint is not available";
			case UNAVAILABLE -> "the platform did not answer: " + ex.getMessage().replaceFirst("^[A-Z_]+: ", "");
			default -> ex.getMessage();
		};
	}

	private void requireSuccess(Platform platform, ServiceResponse response, String what) {
		if (response.successful()) {
			return;
		}
		int status = response.status();
		ServiceFailure failure = (status == 401) ? ServiceFailure.UNAUTHORIZED
				: (status >= 500 || status == 408 || status == 429) ? ServiceFailure.UNAVAILABLE
						: ServiceFailure.REJECTED;
		log.warn("Platform '{}' answered HTTP {} when {}", platform.name(), status, what);
		throw new PlatformServiceException(failure, status, response.platformMessage(),
				what + ": HTTP " + status);
	}

	private <T> T parse(ServiceResponse response, Class<T> type) {
		try {
			T value = this.json.readValue(response.body(), type);
			if (value == null) {
				throw new PlatformServiceException(ServiceFailure.INVALID_RESPONSE, "empty answer");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new PlatformServiceException(ServiceFailure.INVALID_RESPONSE,
					"answer is not a " + type.getSimpleName().replace("[]", " list"));
		}
	}

}
