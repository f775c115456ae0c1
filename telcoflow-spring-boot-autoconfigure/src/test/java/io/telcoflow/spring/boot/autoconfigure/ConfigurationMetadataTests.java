package io.telcoflow.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's configuration metadata (what an IDE shows): every {@code telcoflow.*} property is
 * described, and {@code management.health.telcoflow.enabled} is listed.
 */
class ConfigurationMetadataTests {

	private final JsonNode metadata = JsonMapper.builder()
		.build()
		.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());

	@Test
	void healthIndicatorSwitchIsListed() {
		assertThat(properties()).filteredOn((property) -> property.get("name")
			.asString()
			.equals("management.health.telcoflow.enabled"))
			.singleElement()
			.satisfies((property) -> {
				assertThat(property.get("type").asString()).isEqualTo("java.lang.Boolean");
				assertThat(property.get("defaultValue").asBoolean()).isTrue();
				assertThat(property.get("description").asString()).startsWith("Whether");
			});
	}

	@Test
	void everyTelcoflowPropertyIsDescribed() {
		assertThat(properties()).filteredOn((property) -> property.get("name").asString().startsWith("telcoflow."))
			.isNotEmpty()
			.allSatisfy((property) -> assertThat(property.path("description").asString())
				.as(property.get("name").asString())
				.isNotBlank());
	}

	private List<JsonNode> properties() {
		return this.metadata.get("properties").valueStream().toList();
	}

}
