package nl.werkproces.lti;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** werkproces-lti: an LTI 1.3 tool for werkproces assignments graded with kwalificatiedossier rubrics. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WerkprocesLtiApplication {

	public static void main(String[] args) {
		SpringApplication.run(WerkprocesLtiApplication.class, args);
	}

}
