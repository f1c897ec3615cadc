package nl.werkproces.lti.nrps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * The Names and Role Provisioning Service of a platform: the course's members, all pages.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-nrps/v2p0">NRPS 2.0</a>
 */
@Component
public class NrpsClient {

	public static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	private static final Logger log = LoggerFactory.getLogger(NrpsClient.class);

	private static final Set<String> SCOPES = Set.of(LtiScopes.NRPS_MEMBERSHIP_READONLY);

	private final PlatformServiceRequests requests;

	private final JsonMapper json;

	private final int maxPages;

	NrpsClient(PlatformServiceRequests requests, JsonMapper json, ServicesProperties properties) {
		this.requests = requests;
		this.json = json;
		this.maxPages = properties.maxPages();
	}

	/** Every member of the context, following each {@code Link rel="next"} page. */
	public List<Membership> members(Platform platform, String membershipsUrl) {
		List<Membership> members = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Optional<String> page = Optional.of(membershipsUrl);
		while (page.isPresent()) {
			String url = page.get();
			if (!seen.add(url) || seen.size() > this.maxPages) {
				log.warn("Platform '{}': membership paging stopped at a repeated URL or after {} pages",
						platform.name(), seen.size() - 1);
				break;
			}
			ServiceResponse response = this.requests.get(platform, SCOPES, url, MEMBERSHIP_CONTAINER);
			if (!response.successful()) {
				int status = response.status();
				log.warn("Platform '{}' answered HTTP {} to a membership request", platform.name(), status);
				throw new PlatformServiceException(
						(status == 401) ? ServiceFailure.UNAUTHORIZED
								: (status >= 500) ? ServiceFailure.UNAVAILABLE : ServiceFailure.REJECTED,
						status, response.platformMessage(), "memberships: HTTP " + status);
			}
			members.addAll(parse(response).members());
			page = LinkHeaders.next(response.links(), url);
		}
		return members;
	}

	private MembershipContainer parse(ServiceResponse response) {
		try {
			MembershipContainer container = this.json.readValue(response.body(), MembershipContainer.class);
			if (container == null || container.members() == null) {
				throw new PlatformServiceException(ServiceFailure.INVALID_RESPONSE, "no members in the answer");
			}
			return container;
		}
		catch (JacksonException ex) {
			throw new PlatformServiceException(ServiceFailure.INVALID_RESPONSE, "answer is not a membership container");
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MembershipContainer(String id, List<Membership> members) {

	}

}
