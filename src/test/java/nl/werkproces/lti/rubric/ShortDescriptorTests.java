package nl.werkproces.lti.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShortDescriptorTests {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void generatedDescriptorsAreShownAsTheirQualifierInTheReadersLanguage() {
		Rubric rubric = TestRubrics.ofSize(1);
		Criterion criterion = rubric.criteria().get(0);
		List<String> dutch = new ArrayList<>();
		List<String> english = new ArrayList<>();
		for (Level level : criterion.levels()) {
			ShortDescriptor descriptor = rubric.descriptor(criterion, level);
			dutch.add(this.messages.getMessage(descriptor, DUTCH));
			english.add(this.messages.getMessage(descriptor, Locale.ENGLISH));
		}
		assertThat(dutch).containsExactly("Niet aangetoond", "Gedeeltelijk of alleen met sturing", "Zoals beschreven",
				"Zelfstandig, goed onderbouwd en proactief");
		assertThat(english).containsExactly("Not shown", "Partly or only with guidance", "As described",
				"Independently, well-founded and proactive");
	}

	@Test
	void everyQualifierOfEveryKindAndScaleHasADutchAndAnEnglishText() {
		for (RubricScale scale : RubricScale.values()) {
			for (CriterionKind kind : CriterionKind.values()) {
				for (int score : scale.scores()) {
					String key = LevelDescriptors.qualifierKey(kind, scale, score);
					assertThat(this.messages.getMessage(key, null, DUTCH)).as(key)
						.isEqualTo(LevelDescriptors.qualifier(kind, scale, score));
					assertThat(this.messages.getMessage(key, null, Locale.ENGLISH)).as(key)
						.isNotEqualTo(LevelDescriptors.qualifier(kind, scale, score));
				}
			}
		}
	}

	@Test
	void aStoredGeneratedDescriptorIsRecognisedDespiteCaseSpacingAndAFinalFullStop() {
		Criterion criterion = criterion("Werkt ordelijk en systematisch.",
				"gedeeltelijk of onvolledig: Werkt ordelijk en systematisch.",
				"Zoals beschreven:  werkt ordelijk en   systematisch");
		Rubric rubric = rubricOf(criterion, RubricScale.OVG);

		assertThat(rubric.descriptor(criterion, criterion.levels().get(1)))
			.isEqualTo(new ShortDescriptor("rubric.qualifier.process.2", "Zoals beschreven"));
		assertThat(rubric.descriptor(criterion, criterion.levels().get(0)).key())
			.as("a product qualifier stored with a process criterion keeps the text it was stored with")
			.isEqualTo("rubric.qualifier.product.1");
	}

	@Test
	void aQualifierStoredWithAnOlderCriterionTextIsTheTeachersOwnDescriptor() {
		Criterion criterion = criterion("Werkt ordelijk en systematisch.", "Zoals beschreven: werkt netjes",
				"Zoals beschreven");
		Rubric rubric = rubricOf(criterion, RubricScale.OVG);

		assertThat(rubric.descriptor(criterion, criterion.levels().get(0)))
			.isEqualTo(new ShortDescriptor(null, "Zoals beschreven: werkt netjes"));
		assertThat(this.messages.getMessage(rubric.descriptor(criterion, criterion.levels().get(0)), Locale.ENGLISH))
			.isEqualTo("Zoals beschreven: werkt netjes");
		assertThat(rubric.descriptor(criterion, criterion.levels().get(1)).key()).as("a qualifier alone")
			.isEqualTo("rubric.qualifier.process.2");
	}

	@Test
	void aTeachersOwnDescriptorIsShownWholeInEveryLanguage() {
		Criterion criterion = criterion("Werkt ordelijk.", "Laat de werkplek rommelig achter", "Ruimt op");
		Rubric rubric = rubricOf(criterion, RubricScale.OVG);

		ShortDescriptor own = rubric.descriptor(criterion, criterion.levels().get(0));
		assertThat(own.key()).isNull();
		assertThat(this.messages.getMessage(own, Locale.ENGLISH)).isEqualTo("Laat de werkplek rommelig achter");
		assertThat(rubric.shortDescriptor(criterion, criterion.levels().get(1))).isEqualTo("Ruimt op");
	}

	/** A process criterion on O/V/G whose levels 1 and 2 have the given stored descriptors (3 generated). */
	private static Criterion criterion(String text, String level1, String level2) {
		List<Level> levels = List.of(new Level(1, "onvoldoende", level1), new Level(2, "voldoende", level2),
				new Level(3, "goed", LevelDescriptors.descriptor(CriterionKind.PROCESS, RubricScale.OVG, 3, text)));
		return new Criterion("gedrag-1", text, CriterionKind.PROCESS, false, false, levels);
	}

	private static Rubric rubricOf(Criterion criterion, RubricScale scale) {
		Rubric base = TestRubrics.ofSize(1);
		return new Rubric(base.id(), base.origin(), base.version(), scale, List.of(criterion), List.of());
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setCommonMessages(new Properties());
		return messages;
	}

}
