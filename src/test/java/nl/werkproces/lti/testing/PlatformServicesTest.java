package nl.werkproces.lti.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A running tool (real HTTP, so platforms can fetch its JWKS) with a {@link MutableClock}, short service timeouts
 * and the grade delivery worker not scheduled (tests drive it). One shared context for the service tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.services.read-timeout=5s", "lti.grades.scheduled=false" })
@Import(MutableClock.Configuration.class)
@ExtendWith(ClockAtNowPerClass.class)
public @interface PlatformServicesTest {

}
