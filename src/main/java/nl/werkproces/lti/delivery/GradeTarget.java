package nl.werkproces.lti.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import nl.werkproces.lti.ags.LineItem;

/**
 * The gradebook column a grade goes to: a known line item URL (from the launch's AGS claim or Deep Linking), or
 * a line items container with the line item to find by {@code resourceId} or create.
 */
public record GradeTarget(long platformId, String lineItemUrl, String lineItemsUrl, LineItem lineItem) {

	public GradeTarget {
		if (lineItemUrl == null) {
			Objects.requireNonNull(lineItemsUrl, "lineItemsUrl");
			Objects.requireNonNull(lineItem, "lineItem");
			Objects.requireNonNull(lineItem.resourceId(), "lineItem.resourceId");
		}
	}

	/** The line item at this URL. */
	public static GradeTarget lineItem(long platformId, String lineItemUrl) {
		return new GradeTarget(platformId, Objects.requireNonNull(lineItemUrl), null, null);
	}

	/** The container's line item with the wanted {@code resourceId}, created from {@code wanted} when missing. */
	public static GradeTarget findOrCreate(long platformId, String lineItemsUrl, LineItem wanted) {
		return new GradeTarget(platformId, null, lineItemsUrl, wanted);
	}

	/** Identifies the column within the outbox: platform plus line item URL, or container plus resourceId. */
	String key() {
		String identity = (this.lineItemUrl != null) ? this.platformId + "\nitem\n" + this.lineItemUrl
				: this.platformId + "\nitems\n" + this.lineItemsUrl + "\n" + this.lineItem.resourceId();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
