package io.telcoflow.deployment;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code docs/deployment}, checked offline: each parses as its
 * Kubernetes type (fabric8's model of the Kubernetes API) with no field the type does not know,
 * and they say what docs/deployment.md says (probes on Boot's groups, the grace period from the
 * drain timeout, the client key from a mounted Secret, resources from the per-call figures).
 */
class KubernetesManifestsTests {

	private static final Path MANIFESTS = Path.of("..", "docs", "deployment");

	/** CPU of one call-second, stream loop (docs/performance.md, 200 calls over wss://). */
	private static final double CPU_MILLICORES_PER_CALL = 4.3;

	/** Heap and direct memory of one call, stream loop, rounded up (docs/performance.md). */
	private static final long BYTES_PER_CALL = 120 * 1024;

	/** What the JVM of the demo takes before any call (resident, measured: about 235 MiB). */
	private static final long JVM_BYTES = 250L * 1024 * 1024;

	private static final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	@Test
	void everyManifestIsAKubernetesObjectWithOnlyKnownFields() throws IOException {
		for (Path manifest : manifests()) {
			JsonNode tree = yaml.readTree(manifest.toFile());
			Object object = yaml.treeToValue(tree, typeOf(tree));
			assertThat(unknownFields(object, tree.path("kind").asText())).as("%s", manifest).isEmpty();
		}
	}

	@Test
	void checkFindsAMisspelledField() throws IOException {
		JsonNode tree = yaml.readTree("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: x}
				spec:
				  template:
				    spec:
				      terminationGracePeriodSecond: 30
				      containers: [{name: x, image: x, readinessProbe: {httpGet: {pat: /x, port: 80}}}]
				""");
		assertThat(unknownFields(yaml.treeToValue(tree, Deployment.class), "Deployment")).containsExactly(
				"Deployment.spec.template.spec: [terminationGracePeriodSecond]",
				"Deployment.spec.template.spec.containers[0].readinessProbe.httpGet: [pat]");
	}

	@Test
	void kustomizationListsEveryManifest() throws IOException {
		JsonNode kustomization = yaml.readTree(MANIFESTS.resolve("kustomization.yaml").toFile());
		List<String> listed = new ArrayList<>();
		kustomization.path("resources").forEach((resource) -> listed.add(resource.asText()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				manifests().stream().map((path) -> path.getFileName().toString()).toList());
	}

	@Test
	void probesUseBootsProbeGroupsOnTheHttpPort() throws IOException {
		Container container = container();
		assertThat(path(container.getReadinessProbe().getHttpGet())).isEqualTo("/actuator/health/readiness");
		assertThat(path(container.getLivenessProbe().getHttpGet())).isEqualTo("/actuator/health/liveness");
		assertThat(path(container.getStartupProbe().getHttpGet())).isEqualTo("/actuator/health/liveness");
		assertThat(container.getPorts()).anySatisfy((port) -> {
			assertThat(port.getName()).isEqualTo(container.getReadinessProbe().getHttpGet().getPort().getStrVal());
			assertThat(port.getContainerPort()).isEqualTo(8080);
		});
		assertThat(settings().path("management").path("endpoint").path("health").path("probes").path("enabled")
			.asBoolean()).isTrue();
	}

	@Test
	void gracePeriodIsTheDrainTimeoutPlusTheEndOfWhatIsLeftPlusTheJvm() throws IOException {
		Duration drain = duration(settings().path("telcoflow").path("shutdown").path("drain-timeout"));
		Duration phase = duration(settings().path("spring").path("lifecycle").path("timeout-per-shutdown-phase"));
		// the drain keeps its length only if the phase leaves 5 s to end the calls still live
		assertThat(phase).isGreaterThanOrEqualTo(drain.plusSeconds(5));
		assertThat(podSpec().getTerminationGracePeriodSeconds()).isEqualTo(drain.toSeconds() + 5 + 15);
	}

	@Test
	void clientKeyAndCertificateComeFromAMountedSecret() throws IOException {
		Volume tls = podSpec().getVolumes().stream().filter((volume) -> volume.getSecret() != null).findFirst()
			.orElseThrow();
		VolumeMount mount = container().getVolumeMounts().stream()
			.filter((candidate) -> candidate.getName().equals(tls.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(mount.getReadOnly()).isTrue();
		assertThat(mount.getSubPath()).as("a subPath mount never sees a rotated Secret").isNull();
		JsonNode settings = settings();
		String bundle = settings.path("telcoflow").path("ssl").path("bundle").asText();
		JsonNode pem = settings.path("spring").path("ssl").path("bundle").path("pem").path(bundle);
		assertThat(List.of(pem.path("keystore").path("certificate").asText(),
				pem.path("keystore").path("private-key").asText(), pem.path("truststore").path("certificate").asText()))
			.allSatisfy((location) -> assertThat(location).startsWith("file:" + mount.getMountPath() + "/"));
		// no credential in the manifests themselves
		assertThat(settings.path("telcoflow").has("api-key")).isFalse();
		assertThat(container().getEnv()).allSatisfy((env) -> assertThat(env.getName()).doesNotContain("KEY", "PASSWORD"));
	}

	@Test
	void telcoflowSettingsAreKnownProperties() throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("configmap",
				new ByteArrayResource(configMap().getData().get("application.yaml").getBytes()));
		Binder binder = new Binder(ConfigurationPropertySources.from(sources));
		TelcoflowProperties properties = binder
			.bind("telcoflow", Bindable.of(TelcoflowProperties.class),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
			.get();
		assertThat(properties.getMaxConcurrentCalls()).isEqualTo(100);
		assertThat(properties.getShutdown().getDrainTimeout()).isEqualTo(Duration.ofSeconds(300));
	}

	@Test
	void resourcesCoverTheCallsAnInstanceTakes() throws IOException {
		int calls = settings().path("telcoflow").path("max-concurrent-calls").asInt();
		Map<String, Quantity> requests = container().getResources().getRequests();
		Map<String, Quantity> limits = container().getResources().getLimits();
		double cpuMillicores = Quantity.getAmountInBytes(requests.get("cpu")).doubleValue() * 1000;
		assertThat(cpuMillicores).isGreaterThanOrEqualTo(calls * CPU_MILLICORES_PER_CALL);
		long memory = Quantity.getAmountInBytes(requests.get("memory")).longValue();
		assertThat(memory).isGreaterThanOrEqualTo(JVM_BYTES + calls * BYTES_PER_CALL);
		assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue()).isGreaterThanOrEqualTo(memory);
		assertThat(limits).as("a CPU limit throttles every call's audio at once").doesNotContainKey("cpu");
	}

	@Test
	void rollingUpdateNeverDropsBelowTheReplicas() throws IOException {
		Deployment deployment = read("deployment.yaml", Deployment.class);
		assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
		assertThat(deployment.getSpec().getReplicas()).isGreaterThan(1);
	}

	@Test
	void serviceAndDisruptionBudgetSelectTheDeploymentsPods() throws IOException {
		Map<String, String> podLabels = read("deployment.yaml", Deployment.class).getSpec().getTemplate()
			.getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(read("service.yaml", Service.class).getSpec().getSelector());
		assertThat(podLabels).containsAllEntriesOf(
				read("poddisruptionbudget.yaml", PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
		assertThat(read("deployment.yaml", Deployment.class).getSpec().getSelector().getMatchLabels())
			.isEqualTo(podLabels);
	}

	private static List<Path> manifests() throws IOException {
		try (Stream<Path> files = Files.list(MANIFESTS)) {
			return files.filter((path) -> path.toString().endsWith(".yaml"))
				.filter((path) -> !path.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList();
		}
	}

	private static Class<?> typeOf(JsonNode manifest) {
		String type = manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText();
		return switch (type) {
			case "v1 ConfigMap" -> ConfigMap.class;
			case "v1 Service" -> Service.class;
			case "apps/v1 Deployment" -> Deployment.class;
			case "policy/v1 PodDisruptionBudget" -> PodDisruptionBudget.class;
			default -> throw new AssertionError("No Kubernetes type known here for " + type);
		};
	}

	/**
	 * Fields the model did not know: fabric8 keeps them in each object's additional properties
	 * instead of failing, so the whole object is walked.
	 */
	private static List<String> unknownFields(Object value, String path) {
		List<String> unknown = new ArrayList<>();
		collectUnknown(value, path, unknown);
		return unknown;
	}

	private static void collectUnknown(Object value, String path, List<String> unknown) {
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collectUnknown(item, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown));
			return;
		}
		if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object property = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
				continue;
			}
			String name = getter.getName().substring(3);
			collectUnknown(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), unknown);
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter.toString(), ex);
		}
	}

	private static <T> T read(String file, Class<T> type) throws IOException {
		return yaml.readValue(MANIFESTS.resolve(file).toFile(), type);
	}

	private static ConfigMap configMap() throws IOException {
		return read("configmap.yaml", ConfigMap.class);
	}

	/** The application.yaml the ConfigMap holds. */
	private static JsonNode settings() throws IOException {
		return yaml.readTree(configMap().getData().get("application.yaml"));
	}

	private static PodSpec podSpec() throws IOException {
		return read("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
	}

	private static Container container() throws IOException {
		return podSpec().getContainers().get(0);
	}

	private static String path(HTTPGetAction action) {
		return action.getPath();
	}

	private static Duration duration(JsonNode value) {
		return DurationStyle.detectAndParse(value.asText());
	}

}
