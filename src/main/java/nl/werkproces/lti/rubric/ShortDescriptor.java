package nl.werkproces.lti.rubric;

import org.springframework.context.MessageSourceResolvable;

/**
 * What a level of a criterion looks like, short, as a grid cell shows it: a generated level's qualifier by its
 * message key (shown in the reader's language, Dutch as default), or a teacher's own descriptor as written. Resolve
 * it with {@code MessageSource.getMessage(descriptor, locale)}.
 *
 * @param key message key of the qualifier, {@code null} for a teacher's own descriptor
 * @param text the Dutch qualifier, or the teacher's descriptor
 */
public record ShortDescriptor(String key, String text) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return (this.key != null) ? new String[] { this.key } : null;
	}

	@Override
	public String getDefaultMessage() {
		return this.text;
	}

}
