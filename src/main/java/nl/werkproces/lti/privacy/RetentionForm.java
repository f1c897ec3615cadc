package nl.werkproces.lti.privacy;

/**
 * The retention period as typed (a required field): empty keeps everything, otherwise whole months from 1 to
 * {@link RetentionSettings#MAX_MONTHS}.
 */
record RetentionForm(String months) {

	/** The months, {@code null} for "keep"; throws {@link IllegalArgumentException} for anything else. */
	Integer parse() {
		if (this.months == null) {
			throw new IllegalArgumentException("months is missing (send it empty to keep everything)");
		}
		String text = this.months.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[0-9]{1,4}")) {
			throw new IllegalArgumentException("not a whole number of months: " + text);
		}
		int value = Integer.parseInt(text);
		if (value < 1 || value > RetentionSettings.MAX_MONTHS) {
			throw new IllegalArgumentException("months out of range 1.." + RetentionSettings.MAX_MONTHS + ": " + value);
		}
		return value;
	}

}
