package io.telcoflow.test.container;

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
	void containerIsNotUsableBeforeItStarts() {
		TelcoflowSimulatorContainer container = new TelcoflowSimulatorContainer(
				DockerImageName.parse("telcoflow/simulator:test"))
			.withCredentials("key", "connector");

		assertThat(container.getApiKey()).isEqualTo("key");
		assertThat(container.getConnectorUuid()).isEqualTo("connector");
		assertThatIllegalStateException().isThrownBy(container::getUrl);
	}

}
