package nl.werkproces.lti.nrps;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.registration.Platform;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.registration.PlatformSource;
import nl.werkproces.lti.services.PlatformServiceException;
import nl.werkproces.lti.services.ServiceFailure;
import nl.werkproces.lti.testing.PlatformServicesTest;
import nl.werkproces.lti.testing.PlatformSimulator;
import nl.werkproces.lti.testing.SimulatedServices;
import nl.werkproces.lti.testing.SimulatedServices.Endpoint;
import nl.werkproces.lti.testing.SimulatedServices.RecordedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Course memberships from a simulated Moodle (LTI.md §6). */
@PlatformServicesTest
class NrpsClientTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	NrpsClient nrps;

	PlatformSimulator simulator;

	SimulatedServices services;

	Platform platform;

	@BeforeEach
	void registerPlatform() {
		this.simulator = PlatformSimulator.start();
		this.services = this.simulator.services().trustToolJwks("http://localhost:" + this.port + "/.well-known/jwks.json");
		this.platform = this.registrations.register(this.simulator.settings(), PlatformSource.ADMIN);
	}

	@AfterEach
	void stopPlatform() {
		this.simulator.close();
	}

	@Test
	void membersOfEveryPageWithNamesEmailAndRoles() {
		List<Membership> members = this.nrps.members(this.platform, this.services.membershipsUrl() + "?limit=1");
		assertThat(members).extracting(Membership::userId).containsExactly("5", "4", "3");
		Membership sam = members.get(1);
		assertThat(sam.name()).isEqualTo("Sam Student");
		assertThat(sam.givenName()).isEqualTo("Sam");
		assertThat(sam.familyName()).isEqualTo("Student");
		assertThat(sam.email()).isEqualTo("sam@example.com");
		assertThat(sam.hasRole("Learner")).isTrue();
		assertThat(sam.active()).isTrue();
		assertThat(members.get(2).hasRole("Instructor")).isTrue();
		List<RecordedRequest> requests = this.services.requests(Endpoint.MEMBERSHIPS);
		assertThat(requests).hasSize(3);
		assertThat(requests).allSatisfy((request) -> assertThat(request.header("Accept"))
			.isEqualTo("application/vnd.ims.lti-nrps.v2.membershipcontainer+json"));
	}

	@Test
	void serverErrorIsReportedAsUnavailable() {
		this.services.failNext(Endpoint.MEMBERSHIPS, 502, 1);
		assertThatExceptionOfType(PlatformServiceException.class)
			.isThrownBy(() -> this.nrps.members(this.platform, this.services.membershipsUrl()))
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ServiceFailure.UNAVAILABLE));
	}

}
