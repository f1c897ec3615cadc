package nl.werkproces.lti.registration;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One deployment of the tool on a platform (Moodle: the tool type id).
 *
 * @see <a href="https://www.imsglobal.org/spec/lti/v1p3/#lti-deployment-id-claim">LTI Core 1.3 §5.3.3</a>
 */
@Table("deployment")
public record Deployment(String deploymentId) {

	static Set<Deployment> of(Collection<String> deploymentIds) {
		return deploymentIds.stream().map(Deployment::new).collect(Collectors.toSet());
	}

}
