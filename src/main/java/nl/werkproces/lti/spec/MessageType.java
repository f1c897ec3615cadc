package nl.werkproces.lti.spec;

import java.util.Optional;

/**
 * LTI message types this tool handles.
 *
 * @see <a href="https://www.imsglobal.org/spec/lti/v1p3/#message-type-claim">LTI Core 1.3 §5.3.1</a>
 */
public enum MessageType {

	RESOURCE_LINK("LtiResourceLinkRequest"), DEEP_LINKING("LtiDeepLinkingRequest");

	private final String claimValue;

	MessageType(String claimValue) {
		this.claimValue = claimValue;
	}

	public String claimValue() {
		return this.claimValue;
	}

	public static Optional<MessageType> fromClaim(String value) {
		for (MessageType type : values()) {
			if (type.claimValue.equals(value)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
