package io.telcoflow.test.container;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorContainerMainTests {

	@Test
	void defaultsToFreeLoopbackPortsAndTheSimulatorsCredentials() {
		SimulatorContainerMain.Options options = SimulatorContainerMain.Options.parse(new String[0], Map.of());

		assertThat(options.host).isEqualTo("127.0.0.1");
		assertThat(options.port).isZero();
		assertThat(options.adminPort).isZero();
		assertThat(options.apiKey).isNull();
		assertThat(options.connectorUuid).isNull();
	}

	@Test
	void readsCredentialsFromTheEnvironmentAndOptionsFromTheCommandLine() {
		SimulatorContainerMain.Options options = SimulatorContainerMain.Options.parse(
				new String[] { "--host", "0.0.0.0", "--port", "8765", "--admin-port", "8766" },
				Map.of("TELCOFLOW_API_KEY", "env-key", "TELCOFLOW_CONNECTOR_UUID", "env-connector"));

		assertThat(options.host).isEqualTo("0.0.0.0");
		assertThat(options.port).isEqualTo(8765);
		assertThat(options.adminPort).isEqualTo(8766);
		assertThat(options.apiKey).isEqualTo("env-key");
		assertThat(options.connectorUuid).isEqualTo("env-connector");
	}

	@Test
	void commandLineApiKeyWinsOverTheEnvironment() {
		SimulatorContainerMain.Options options = SimulatorContainerMain.Options
			.parse(new String[] { "--api-key", "option-key" }, Map.of("TELCOFLOW_API_KEY", "env-key"));

		assertThat(options.apiKey).isEqualTo("option-key");
	}

	@Test
	void rejectsUnknownOptionsAndMissingValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorContainerMain.Options.parse(new String[] { "--call-every", "5s" }, Map.of()))
			.withMessageContaining("--call-every");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorContainerMain.Options.parse(new String[] { "--port" }, Map.of()))
			.withMessageContaining("--port");
	}

}
