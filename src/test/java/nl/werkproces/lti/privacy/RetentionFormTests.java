package nl.werkproces.lti.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetentionFormTests {

	@Test
	void emptyKeepsEverythingAndWholeMonthsFromOneTo1200AreAPeriod() {
		assertThat(new RetentionForm("").parse()).isNull();
		assertThat(new RetentionForm("  ").parse()).isNull();
		assertThat(new RetentionForm("1").parse()).isEqualTo(1);
		assertThat(new RetentionForm(" 84 ").parse()).isEqualTo(84);
		assertThat(new RetentionForm("1200").parse()).isEqualTo(1200);
	}

	@Test
	void anythingElseIsRefused() {
		for (String months : new String[] { null, "0", "1201", "-1", "6.5", "zes", "99999999999", "1e3" }) {
			assertThatIllegalArgumentException().as(String.valueOf(months))
				.isThrownBy(() -> new RetentionForm(months).parse());
		}
	}

}
