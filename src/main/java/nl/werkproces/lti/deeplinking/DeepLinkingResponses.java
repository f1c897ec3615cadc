package nl.werkproces.lti.deeplinking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

import nl.werkproces.lti.keys.ToolKey;
import nl.werkproces.lti.keys.ToolKeys;
import nl.werkproces.lti.launch.SecureTokens;
import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.spec.LtiClaims;

import org.springframework.stereotype.Component;

/**
 * Signs the {@code LtiDeepLinkingResponse} with the tool's current key: {@code iss} = client id, {@code aud} =
 * the platform's issuer, the deployment, the content items and the request's {@code data} echoed unchanged.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti-dl/v2p0#deep-linking-response-message">Deep Linking 2.0 §4.5</a>
 */
@Component
public class DeepLinkingResponses {

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final ToolKeys keys;

	private final Clock clock;

	DeepLinkingResponses(ToolKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	public String sign(Platform platform, String deploymentId, DeepLinkingSettings settings, List<ContentItem> items,
			String message) {
		ToolKey key = this.keys.signingKey();
		Instant now = this.clock.instant();
		JwtBuilder jwt = Jwts.builder()
			.header()
			.keyId(key.kid())
			.type("JWT")
			.and()
			.issuer(platform.clientId())
			.audience()
			.single(platform.issuer())
			.issuedAt(Date.from(now.minusSeconds(5)))
			.expiration(Date.from(now.plus(LIFETIME)))
			.claim("nonce", SecureTokens.next())
			.claim(LtiClaims.DEPLOYMENT_ID, deploymentId)
			.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
			.claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION_1_3)
			.claim(LtiClaims.CONTENT_ITEMS, items.stream().map(ContentItem::toClaim).toList());
		if (settings.data() != null) {
			jwt.claim(LtiClaims.DL_DATA, settings.data());
		}
		if (message != null && !message.isBlank()) {
			jwt.claim("https://purl.imsglobal.org/spec/lti-dl/claim/msg", message);
		}
		return jwt.signWith(key.privateKey(), Jwts.SIG.RS256).compact();
	}

}
