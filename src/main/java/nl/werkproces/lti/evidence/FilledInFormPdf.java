package nl.werkproces.lti.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import nl.werkproces.lti.rubric.TaggedPdf;

import org.springframework.stereotype.Component;

/**
 * A filled-in beoordelingsformulier as tagged PDF ({@link TaggedPdf}: structure tree, language, embedded DejaVu
 * fonts) from the XHTML template {@code templates/pdf/ingevuld-beoordelingsformulier.html}, in the form's language.
 * The HTML print view shows the same template's {@code form} fragment.
 */
@Component
class FilledInFormPdf {

	static final String TEMPLATE = "pdf/ingevuld-beoordelingsformulier";

	private final ITemplateEngine templates;

	FilledInFormPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** Writes the PDF to {@code out} (not closed). */
	void write(FilledInForm form, OutputStream out) throws IOException {
		TaggedPdf.write(xhtml(form), out);
	}

	byte[] render(FilledInForm form) {
		return TaggedPdf.render(xhtml(form));
	}

	String xhtml(FilledInForm form) {
		Context context = new Context(Locale.forLanguageTag(form.lang()));
		context.setVariable("f", form);
		return this.templates.process(TEMPLATE, context);
	}

}
