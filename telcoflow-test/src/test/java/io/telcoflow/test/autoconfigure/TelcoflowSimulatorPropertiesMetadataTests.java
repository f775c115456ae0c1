package io.telcoflow.test.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata of the {@code telcoflow.simulator.*} properties: what an IDE shows.
 */
class TelcoflowSimulatorPropertiesMetadataTests {

	@Test
	void everySimulatorPropertyHasATypeADescriptionAndItsDefault() {
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		Map<String, String> defaults = Map.of("telcoflow.simulator.api-key", "test-api-key",
				"telcoflow.simulator.connector-uuid", "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70",
				"telcoflow.simulator.tls", "false", "telcoflow.simulator.client-certificate", "false");
		List<JsonNode> properties = metadata.get("properties").valueStream().toList();
		assertThat(properties).extracting((property) -> property.get("name").asString())
			.containsExactlyInAnyOrderElementsOf(defaults.keySet());
		for (JsonNode property : properties) {
			String name = property.get("name").asString();
			assertThat(property.get("description").asString()).as(name).isNotBlank().doesNotStartWith("The ");
			assertThat(property.get("defaultValue").asString()).as(name).isEqualTo(defaults.get(name));
		}
	}

	@Test
	void defaultsAreTheSimulatorsDefaults() {
		TelcoflowSimulatorProperties properties = new TelcoflowSimulatorProperties();
		assertThat(properties.getApiKey()).isEqualTo(TelcoflowSimulator.DEFAULT_API_KEY);
		assertThat(properties.getConnectorUuid()).isEqualTo(TelcoflowSimulator.DEFAULT_CONNECTOR_UUID);
	}

}
