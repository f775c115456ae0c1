package io.telcoflow.simulator;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own reading and writing of wire messages (deliberately not the client's codec).
 */
final class WireJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private WireJson() {
	}

	static ObjectNode message(String type) {
		ObjectNode node = mapper.createObjectNode();
		node.put("type", type);
		return node;
	}

	static String write(JsonNode node) {
		return mapper.writeValueAsString(node);
	}

	/**
	 * Parses a text frame.
	 * @return the object, or {@code null} when it is not a JSON object with a string {@code type}
	 */
	static @Nullable JsonNode parse(String text) {
		try {
			JsonNode node = mapper.readTree(text);
			if (node == null || !node.isObject() || !node.path("type").isString()) {
				return null;
			}
			return node;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static Map<String, Object> toMap(JsonNode node) {
		Map<String, Object> map = mapper.convertValue(node, new TypeReference<Map<String, Object>>() {
		});
		map.remove("type");
		return map;
	}

	static String describe(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "... (" + text.length() + " chars)" : text;
	}

}
