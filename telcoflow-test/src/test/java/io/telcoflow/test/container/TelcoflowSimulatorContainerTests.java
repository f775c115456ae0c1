package io.telcoflow.test.container;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link TelcoflowSimulatorContainer}'s configuration, without Docker.
 */
class TelcoflowSimulatorContainerTests {

	@AfterEach
	void clearProperties() {
		System.clearProperty("telcoflow.simulator.image");
		System.clearProperty("telcoflow.simulator.host-network");
	}

	@Test
	void imageCanBeChosenBySystemProperty() {
		System.setProperty("telcoflow.simulator.image", "registry.example.com/voice/simulator:1.2");

		DockerImageName image = TelcoflowSimulatorContainer.configuredImage();

		assertThat(image.asCanonicalNameString()).isEqualTo("registry.example.com/voice/simulator:1.2");
		assertThat(image.isCompatibleWith(DockerImageName.parse(TelcoflowSimulatorContainer.IMAGE_NAME))).isTrue();
	}

	@Test
	void hostNetworkingCanBeTurnedOffBySystemProperty() {
		System.setProperty("telcoflow.simulator.host-network", "false");

		assertThat(TelcoflowSimulatorContainer.configuredHostNetwork()).isFalse();
	}

	@Test
	void startFailureSaysWhatToSetOnAnEngineWithoutABridgeNetwork() {
		String message = TelcoflowSimulatorContainer
			.explainStartFailure(new IllegalStateException("Could not connect to Ryuk at 172.17.0.1:32768"), (name) -> null);

		assertThat(message).startsWith("The Telcoflow simulator container (telcoflow/simulator:test) did not start: "
				+ "Could not connect to Ryuk at 172.17.0.1:32768.")
			.contains("set the environment variable TESTCONTAINERS_RYUK_DISABLED=true")
			.contains("TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1")
			.contains(".ci/docker-setup.sh");
	}

	@Test
	void startFailureDoesNotAskForWhatIsAlreadySet() {
		Map<String, String> environment = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true",
				"TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");

		String message = TelcoflowSimulatorContainer.explainStartFailure(new IllegalStateException("No such image"),
				environment::get);

		assertThat(message).doesNotContain("TESTCONTAINERS_RYUK_DISABLED", "TESTCONTAINERS_HOST_OVERRIDE")
			.contains("did not start: No such image.", "build it with .ci/docker-setup.sh");
	}

	@Test
	void containerIsNotUsableBeforeItStarts() {
		TelcoflowSimulatorContainer container = new TelcoflowSimulatorContainer(
				DockerImageName.parse("telcoflow/simulator:test"))
			.withCredentials("key", "connector");

		assertThat(container.getApiKey()).isEqualTo("key");
		assertThat(container.getConnectorUuid()).isEqualTo("connector");
		assertThatIllegalStateException().isThrownBy(container::getUrl);
	}

}
