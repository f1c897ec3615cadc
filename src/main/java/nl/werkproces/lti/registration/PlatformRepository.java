package nl.werkproces.lti.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Platform registrations, unique per issuer and client id. */
public interface PlatformRepository extends ListCrudRepository<Platform, Long> {

	Optional<Platform> findByIssuerAndClientId(String issuer, String clientId);

	List<Platform> findByIssuer(String issuer);

}
