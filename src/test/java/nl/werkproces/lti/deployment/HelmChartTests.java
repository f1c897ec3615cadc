package nl.werkproces.lti.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart in {@code helm/werkproces-lti}, rendered and linted by a real Helm (helm-java's bundled native
 * library, no cluster and no network): with only the required values and with a production-like values file
 * ({@code src/test/resources/helm/values-production.yaml}). Checks what an operator relies on: probes on Actuator's
 * groups, a locked-down pod, secrets only from existing Secrets, HPA and PDB wiring, the NetworkPolicy, the test
 * hook, and the schema refusing what is missing.
 */
class HelmChartTests {

	static final Path CHART = Path.of("helm", "werkproces-lti");

	static final Path PRODUCTION = Path.of("src", "test", "resources", "helm", "values-production.yaml");

	/** Environment variables that carry secrets: they must come from a Secret, never be written in the chart. */
	static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

	@TempDir
	Path temp;

	@Test
	void requiredValuesOnlyRenderALockedDownDeploymentWithProbesOnActuatorsGroups() {
		Rendered chart = render(required());
		Map<String, Object> deployment = chart.one("Deployment");
		Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
		Map<String, Object> container = container(deployment);

		Map<String, Object> startup = map(container, "startupProbe");
		Map<String, Object> readiness = map(container, "readinessProbe");
		Map<String, Object> liveness = map(container, "livenessProbe");
		assertThat(path(map(startup, "httpGet"))).isEqualTo("/actuator/health/liveness");
		assertThat(path(map(readiness, "httpGet"))).isEqualTo("/actuator/health/readiness");
		assertThat(path(map(liveness, "httpGet"))).isEqualTo("/actuator/health/liveness");
		for (Map<String, Object> probe : List.of(startup, readiness, liveness)) {
			assertThat(map(probe, "httpGet").get("port")).as("probes use the management port").isEqualTo("management");
		}
		assertThat(((Number) startup.get("failureThreshold")).intValue()
				* ((Number) startup.get("periodSeconds")).intValue()).as("time allowed to start (Flyway)")
			.isGreaterThanOrEqualTo(120);
		assertThat(containerPorts(container)).containsEntry("http", 8080).containsEntry("management", 8081);
		assertThat(env(container)).containsEntry("MANAGEMENT_SERVER_PORT", "8081")
			.containsEntry("LTI_BASE_URL", "https://werkproces.example.nl")
			.containsEntry("LTI_DEMO_ENABLED", "false");

		Map<String, Object> podSecurity = map(pod, "securityContext");
		assertThat(podSecurity).containsEntry("runAsNonRoot", true);
		assertThat(((Number) podSecurity.get("runAsUser")).intValue()).isPositive();
		assertThat(map(podSecurity, "seccompProfile")).containsEntry("type", "RuntimeDefault");
		Map<String, Object> security = map(container, "securityContext");
		assertThat(security).containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false)
			.containsEntry("runAsNonRoot", true);
		assertThat(list(map(security, "capabilities"), "drop")).containsExactly("ALL");
		assertThat(list(pod, "volumes")).anySatisfy((volume) -> {
			assertThat(((Map<?, ?>) volume).get("name")).isEqualTo("tmp");
			assertThat(((Map<?, ?>) volume).get("emptyDir")).isNotNull();
		});
		assertThat(list(container, "volumeMounts")).anySatisfy((mount) -> {
			assertThat(((Map<?, ?>) mount).get("name")).isEqualTo("tmp");
			assertThat(((Map<?, ?>) mount).get("mountPath")).isEqualTo("/tmp");
		});
		assertThat(pod).containsEntry("automountServiceAccountToken", false);

		Map<String, Object> resources = map(container, "resources");
		assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
		assertThat(map(resources, "limits")).containsKey("memory");

		assertThat(list(pod, "topologySpreadConstraints")).anySatisfy((constraint) -> {
			Map<?, ?> spread = (Map<?, ?>) constraint;
			assertThat(spread.get("topologyKey")).isEqualTo("kubernetes.io/hostname");
			assertThat(((Map<?, ?>) spread.get("labelSelector")).get("matchLabels"))
				.isEqualTo(map(map(deployment, "spec"), "selector").get("matchLabels"));
		});
	}

	@Test
	void terminationGracePeriodCoversThePreStopPauseAndTheApplicationsGracefulShutdownPhases() {
		for (Rendered chart : List.of(render(required()), render(production()))) {
			Map<String, Object> deployment = chart.one("Deployment");
			Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
			Map<String, Object> container = container(deployment);
			Map<String, String> env = env(container);
			assertThat(env).containsEntry("SERVER_SHUTDOWN", "graceful");
			int phase = seconds(env.get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
			// the pause lets the endpoints controller and the ingress drop the pod before Tomcat stops accepting
			List<Object> preStop = list(map(map(map(container, "lifecycle"), "preStop"), "exec"), "command");
			assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
			int pause = Integer.parseInt((String) preStop.get(1));
			int grace = ((Number) pod.get("terminationGracePeriodSeconds")).intValue();
			// the grade worker's phase and the web server's graceful phase may each take the phase timeout
			assertThat(grace).as("preStop %ss + 2 x %ss", pause, phase).isGreaterThan(pause + 2 * phase);
		}
		assertThat(env(container(render(production()).one("Deployment"))))
			.containsEntry("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "40s");
	}

	@Test
	void secretsComeOnlyFromExistingSecretsAndTheChartWritesNone() throws IOException {
		for (Rendered chart : List.of(render(required()), render(production()))) {
			assertThat(chart.kinds()).doesNotContain("Secret");
			Map<String, Object> container = container(chart.one("Deployment"));
			for (Object entry : list(container, "env")) {
				Map<?, ?> variable = (Map<?, ?>) entry;
				if (SECRET_NAME.matcher((String) variable.get("name")).matches()) {
					assertThat(variable.get("value")).as("%s written in plain text", variable.get("name")).isNull();
				}
			}
			assertThat(list(container, "envFrom")).extracting((from) -> (Object) ((Map<?, ?>) ((Map<?, ?>) from).get("secretRef")).get("name"))
				.containsExactlyInAnyOrder("werkproces-db", "werkproces-lti");
			for (Map<String, Object> configMap : chart.all("ConfigMap")) {
				assertThat(String.valueOf(configMap.get("data"))).doesNotContainIgnoringCase("password");
			}
		}
		Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
		assertThat(plainSecrets(values, "")).as("secret-looking values with a value in values.yaml").isEmpty();
	}

	@Test
	void withAutoscalingTheHpaOwnsTheReplicasAndThePdbSelectsTheSamePods() {
		Rendered fixed = render(required());
		assertThat(fixed.kinds()).doesNotContain("HorizontalPodAutoscaler");
		assertThat(map(fixed.one("Deployment"), "spec")).containsEntry("replicas", 2);
		assertThat(map(fixed.one("PodDisruptionBudget"), "spec")).containsEntry("minAvailable", 1);

		Rendered production = render(production());
		Map<String, Object> deployment = production.one("Deployment");
		Map<String, Object> hpa = production.one("HorizontalPodAutoscaler");
		assertThat(hpa).containsEntry("apiVersion", "autoscaling/v2");
		Map<String, Object> target = map(map(hpa, "spec"), "scaleTargetRef");
		assertThat(target).containsEntry("kind", "Deployment")
			.containsEntry("apiVersion", "apps/v1")
			.containsEntry("name", map(deployment, "metadata").get("name"));
		assertThat(map(hpa, "spec")).containsEntry("minReplicas", 3).containsEntry("maxReplicas", 10);
		assertThat(String.valueOf(map(hpa, "spec").get("metrics"))).contains("cpu").contains("averageUtilization=65");
		assertThat(map(deployment, "spec")).as("replicas left to the HPA").doesNotContainKey("replicas");

		Map<String, Object> pdb = production.one("PodDisruptionBudget");
		assertThat(map(map(pdb, "spec"), "selector").get("matchLabels"))
			.isEqualTo(map(map(deployment, "spec"), "selector").get("matchLabels"));
		Map<String, Object> podLabels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
		assertThat(podLabels).containsAllEntriesOf(map(map(map(pdb, "spec"), "selector"), "matchLabels"));
	}

	@Test
	void networkPolicyLetsInOnlyTheIngressControllerTheScraperAndTheTestAndLetsOutOnlyDnsMysqlAndHttps() {
		Rendered chart = render(production());
		Map<String, Object> policy = chart.one("NetworkPolicy");
		Map<String, Object> spec = map(policy, "spec");
		assertThat(map(spec, "podSelector").get("matchLabels"))
			.isEqualTo(map(map(chart.one("Deployment"), "spec"), "selector").get("matchLabels"));
		assertThat(list(spec, "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");

		List<Map<?, ?>> ingress = maps(list(spec, "ingress"));
		assertThat(ingress).allSatisfy((rule) -> assertThat((List<?>) rule.get("from")).isNotEmpty());
		assertThat(ingress).anySatisfy((rule) -> {
			assertThat(String.valueOf(rule.get("from"))).contains("kubernetes.io/metadata.name=ingress-nginx");
			assertThat(String.valueOf(rule.get("ports"))).contains("port=http").doesNotContain("management");
		});
		assertThat(ingress).anySatisfy((rule) -> {
			assertThat(String.valueOf(rule.get("from"))).contains("kubernetes.io/metadata.name=monitoring");
			assertThat(String.valueOf(rule.get("ports"))).contains("port=management").doesNotContain("port=http");
		});

		List<Map<?, ?>> egress = maps(list(spec, "egress"));
		assertThat(egress).anySatisfy((rule) -> assertThat(String.valueOf(rule.get("ports")))
			.contains("port=53, protocol=UDP").contains("port=53, protocol=TCP"));
		assertThat(egress).anySatisfy((rule) -> {
			assertThat(String.valueOf(rule.get("ports"))).contains("port=3306");
			assertThat(String.valueOf(rule.get("to"))).contains("cidr=10.20.0.0/24");
		});
		assertThat(egress).anySatisfy((rule) -> assertThat(String.valueOf(rule.get("ports"))).contains("port=443"));
		assertThat(egress).allSatisfy((rule) -> assertThat(String.valueOf(rule.get("ports")))
			.matches(".*port=(53|3306|443).*"));
	}

	@Test
	void serviceSeparatesTheScrapersPortFromTheOneTheIngressReaches() {
		Rendered chart = render(production());
		Map<String, Object> service = chart.one("Service");
		assertThat(maps(list(map(service, "spec"), "ports"))).extracting((port) -> (Object) port.get("name"))
			.containsExactlyInAnyOrder("http", "management");
		Map<String, Object> ingress = chart.one("Ingress");
		assertThat(String.valueOf(map(ingress, "spec").get("rules"))).contains("name=http").doesNotContain("management");
		assertThat(String.valueOf(map(ingress, "spec").get("tls"))).contains("werkproces-school-tls");

		assertThat(render(required()).kinds()).doesNotContain("ServiceMonitor");
		Map<String, Object> monitor = chart.one("ServiceMonitor");
		assertThat(map(monitor, "metadata").get("labels").toString()).contains("release=kube-prometheus-stack");
		assertThat(maps(list(map(monitor, "spec"), "endpoints"))).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.get("port")).isEqualTo("management");
			assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
		});
	}

	@Test
	void helmTestHookCallsHealthAndTheJwksThroughTheService() throws IOException {
		Path hook = CHART.resolve("templates/tests/test-connection.yaml");
		assertThat(Files.readString(hook)).contains("helm.sh/hook: test");
		// helm template leaves hooks out of its manifest: render a copy whose test pod is an ordinary resource
		Path copy = copyChartWith(required().asValues());
		Path copiedHook = copy.resolve("templates/tests/test-connection.yaml");
		Files.writeString(copiedHook, Files.readString(copiedHook).replace("helm.sh/hook", "rendered-for-test/hook"));
		Rendered chart = new Rendered(new Helm(copy).template().withName("werkproces").withNamespace("lti").call());
		Map<String, Object> test = chart.one("Pod");
		assertThat(map(map(test, "metadata"), "annotations")).containsEntry("rendered-for-test/hook", "test");
		String service = (String) map(chart.one("Service"), "metadata").get("name");
		String commands = String.valueOf(map(test, "spec").get("containers"));
		assertThat(commands).contains("http://" + service + ":8081/actuator/health/readiness")
			.contains("http://" + service + ":80/.well-known/jwks.json");
		Map<String, Object> security = map(map(list(map(test, "spec"), "containers").get(0)), "securityContext");
		assertThat(security).containsEntry("readOnlyRootFilesystem", true).containsEntry("runAsNonRoot", true);
		Map<String, Object> labels = map(map(test, "metadata"), "labels");
		Map<String, Object> policy = chart.one("NetworkPolicy");
		assertThat(String.valueOf(map(policy, "spec").get("ingress"))).as("the NetworkPolicy lets the test pod in")
			.contains(labels.entrySet().stream().map(Object::toString).sorted().findFirst().orElseThrow());
	}

	@Test
	void notesNameTheRegistrationAndConfigurationUrls() {
		String notes = Helm.install(CHART.toString())
			.withName("werkproces")
			.withNamespace("lti")
			.withKubeVersion("1.30.0")
			.set("lti.baseUrl", "https://werkproces.school.nl")
			.set("datasource.url", "jdbc:mysql://mysql:3306/werkproces")
			.set("datasource.existingSecret", "werkproces-db")
			.set("lti.existingSecret", "werkproces-lti")
			.dryRun()
			.clientOnly()
			.call()
			.getOutput();
		assertThat(notes).contains("https://werkproces.school.nl/admin/registrations")
			.contains("https://werkproces.school.nl/admin/lti-config")
			.contains("https://werkproces.school.nl/.well-known/jwks.json");
	}

	@Test
	void schemaRefusesAMissingOrPlainHttpBaseUrlAndMissingDatabaseOrSecrets() {
		assertThatThrownBy(() -> render(required().without("lti.baseUrl"))).hasMessageContaining("baseUrl");
		assertThatThrownBy(() -> render(required().with("lti.baseUrl", "http://werkproces.school.nl")))
			.hasMessageContaining("baseUrl");
		assertThatThrownBy(() -> render(required().without("datasource.url"))).hasMessageContaining("url");
		assertThatThrownBy(() -> render(required().with("datasource.url", "jdbc:h2:mem:x")))
			.hasMessageContaining("url");
		assertThatThrownBy(() -> render(required().without("datasource.existingSecret")))
			.hasMessageContaining("existingSecret");
		assertThatThrownBy(() -> render(required().without("lti.existingSecret")))
			.hasMessageContaining("existingSecret");
		assertThatThrownBy(() -> render(required().with("replicaCount", "zwei"))).hasMessageContaining("replicaCount");
	}

	@Test
	void chartLintsCleanWithRequiredValuesAndWithProductionValues() throws IOException {
		for (Map<String, Object> values : List.of(required().asValues(), production().asValues())) {
			Path chart = copyChartWith(values);
			LintResult lint = new Helm(chart).lint().strict().call();
			assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		}
	}

	@Test
	void defaultImageIsTheOneJibBuilds() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		String version = pom.getDocumentElement().getElementsByTagName("version").item(1).getTextContent();
		String repository = pom.getElementsByTagName("image.repository").item(0).getTextContent();
		assertThat(pom.getElementsByTagName("image.tag").item(0).getTextContent()).isEqualTo("${project.version}");
		assertThat(pom.getDocumentElement().getElementsByTagName("artifactId").item(1).getTextContent())
			.isEqualTo("werkproces-lti");
		assertThat(container(render(required()).one("Deployment")).get("image")).isEqualTo(repository + ":" + version);
	}

	// ---- rendering

	private Rendered render(Values values) {
		TemplateCommand template = new Helm(CHART).template()
			.withName("werkproces")
			.withNamespace("lti")
			.withKubeVersion("1.30.0");
		if (values.file != null) {
			template.withValuesFile(values.file);
		}
		values.set.forEach(template::set);
		return new Rendered(template.call());
	}

	/** The values an installation must give; everything else from the chart's defaults. */
	private static Values required() {
		Values values = new Values(null);
		values.set.put("lti.baseUrl", "https://werkproces.example.nl");
		values.set.put("datasource.url", "jdbc:mysql://mysql:3306/werkproces?connectionTimeZone=UTC");
		values.set.put("datasource.existingSecret", "werkproces-db");
		values.set.put("lti.existingSecret", "werkproces-lti");
		return values;
	}

	private static Values production() {
		return new Values(PRODUCTION);
	}

	private Path copyChartWith(Map<String, Object> values) throws IOException {
		Path copy = Files.createTempDirectory(this.temp, "chart").resolve("werkproces-lti");
		try (Stream<Path> files = Files.walk(CHART)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(CHART.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		Map<String, Object> defaults = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
		merge(defaults, values);
		Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(defaults));
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> into, Map<String, Object> from) {
		from.forEach((key, value) -> {
			if (value instanceof Map<?, ?> nested && into.get(key) instanceof Map<?, ?> existing) {
				merge((Map<String, Object>) existing, (Map<String, Object>) nested);
			}
			else {
				into.put(key, value);
			}
		});
	}

	private static List<String> plainSecrets(Map<?, ?> values, String prefix) {
		List<String> found = new ArrayList<>();
		values.forEach((key, value) -> {
			String name = prefix + key;
			if (value instanceof Map<?, ?> nested) {
				found.addAll(plainSecrets(nested, name + "."));
			}
			else if (Pattern.compile("(?i).*(password|secret|token|privatekey).*").matcher(String.valueOf(key)).matches()
					&& !String.valueOf(key).matches("(?i)(existingSecret|.*secretName|imagePullSecrets)")
					&& value != null && !"".equals(value) && !(value instanceof List<?> names && names.isEmpty())) {
				found.add(name);
			}
		});
		return found;
	}

	/** Values for one rendering: a values file and/or {@code --set} pairs. */
	static final class Values {

		final Path file;

		final Map<String, Object> set = new LinkedHashMap<>();

		Values(Path file) {
			this.file = file;
		}

		Values with(String key, Object value) {
			this.set.put(key, value);
			return this;
		}

		Values without(String key) {
			this.set.remove(key);
			return this;
		}

		Map<String, Object> asValues() throws IOException {
			Map<String, Object> values = (this.file != null) ? new Yaml().load(Files.readString(this.file))
					: new LinkedHashMap<>();
			this.set.forEach((key, value) -> {
				String[] parts = key.split("\\.");
				Map<String, Object> node = values;
				for (int i = 0; i < parts.length - 1; i++) {
					node = map(node.computeIfAbsent(parts[i], (k) -> new LinkedHashMap<String, Object>()));
				}
				node.put(parts[parts.length - 1], value);
			});
			return values;
		}

	}

	/** The documents of one {@code helm template}. */
	static final class Rendered {

		final List<Map<String, Object>> documents = new ArrayList<>();

		Rendered(String yaml) {
			for (Object document : new Yaml().loadAll(yaml)) {
				if (document instanceof Map<?, ?> resource) {
					this.documents.add(map(resource));
				}
			}
		}

		List<String> kinds() {
			return this.documents.stream().map((document) -> (String) document.get("kind")).toList();
		}

		List<Map<String, Object>> all(String kind) {
			return this.documents.stream().filter((document) -> kind.equals(document.get("kind"))).toList();
		}

		Map<String, Object> one(String kind) {
			List<Map<String, Object>> found = all(kind);
			assertThat(found).as("rendered %s", kind).hasSize(1);
			return found.get(0);
		}

	}

	// ---- reading the YAML

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).as("parent of %s", key).containsKey(key);
		return map(parent.get(key));
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> parent, String key) {
		assertThat(parent).as("parent of %s", key).containsKey(key);
		assertThat(parent.get(key)).isInstanceOf(List.class);
		return (List<Object>) parent.get(key);
	}

	static List<Map<?, ?>> maps(List<?> list) {
		List<Map<?, ?>> maps = new ArrayList<>();
		list.forEach((item) -> maps.add((Map<?, ?>) item));
		return maps;
	}

	static Map<String, Object> container(Map<String, Object> deployment) {
		List<?> containers = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers");
		assertThat(containers).hasSize(1);
		return map(containers.get(0));
	}

	static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Object entry : list(container, "env")) {
			Map<?, ?> variable = (Map<?, ?>) entry;
			env.put((String) variable.get("name"), Objects.toString(variable.get("value"), null));
		}
		return env;
	}

	static Map<String, Integer> containerPorts(Map<String, Object> container) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Object entry : list(container, "ports")) {
			Map<?, ?> port = (Map<?, ?>) entry;
			ports.put((String) port.get("name"), ((Number) port.get("containerPort")).intValue());
		}
		return ports;
	}

	static String path(Map<String, Object> httpGet) {
		return (String) httpGet.get("path");
	}

	static int seconds(String duration) {
		assertThat(duration).matches("\\d+s");
		return Integer.parseInt(duration.substring(0, duration.length() - 1));
	}

}
