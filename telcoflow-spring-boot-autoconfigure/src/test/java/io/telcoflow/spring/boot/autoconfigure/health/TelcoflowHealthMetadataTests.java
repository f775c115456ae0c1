package io.telcoflow.spring.boot.autoconfigure.health;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata (the IDE help) for {@code management.health.telcoflow.*}.
 */
class TelcoflowHealthMetadataTests {

	@Test
	void everyHealthPropertyIsDescribedWithItsDefault() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKeys("management.health.telcoflow.enabled",
				"management.health.telcoflow.disconnected-grace-period");
		JsonNode enabled = properties.get("management.health.telcoflow.enabled");
		assertThat(enabled.path("description").asString()).startsWith("Whether");
		assertThat(enabled.path("defaultValue").asBoolean()).isTrue();
		JsonNode gracePeriod = properties.get("management.health.telcoflow.disconnected-grace-period");
		assertThat(gracePeriod.path("type").asString()).isEqualTo("java.time.Duration");
		assertThat(gracePeriod.path("description").asString()).isNotBlank();
		assertThat(gracePeriod.path("defaultValue").asString()).isEqualTo("30s");
	}

	@Test
	void formerGracePeriodPropertyNamesItsReplacement() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).containsKey("telcoflow.health.disconnected-grace-period");
		JsonNode former = properties.get("telcoflow.health.disconnected-grace-period");
		assertThat(former.path("deprecation").path("level").asString()).isEqualTo("error");
		assertThat(former.path("deprecation").path("replacement").asString())
			.isEqualTo("management.health.telcoflow.disconnected-grace-period");
	}

	// Every jar has such a file: read them all, as an IDE does
	private static Map<String, JsonNode> properties() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		Enumeration<URL> resources = TelcoflowHealthMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					properties.put(property.path("name").asString(), property);
				}
			}
		}
		return properties;
	}

}
