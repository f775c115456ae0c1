package io.telcoflow.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Drives the simulator like a client would, with the JDK WebSocket client.
 */
final class SimulatorTestSupport {

	private SimulatorTestSupport() {
	}

	static TestWebSocket readyControl(TelcoflowSimulator sim) {
		return readyControl(sim, 24000, 0);
	}

	static TestWebSocket readyControl(TelcoflowSimulator sim, int sampleRate, int maxCalls) {
		TestWebSocket control = TestWebSocket.control(sim);
		String sessionId = control.await("session.welcome").path("session_id").asString();
		control.send("{\"type\":\"session.ready\",\"sample_rate\":" + sampleRate + ",\"max_calls\":" + maxCalls + "}");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sim.sessions().stream().anyMatch((s) -> s.id().equals(sessionId) && s.isReady()));
		return control;
	}

	static TestWebSocket openMedia(TelcoflowSimulator sim, JsonNode incoming) {
		return TestWebSocket.connect(incoming.path("media_url").asString(), mediaHeaders(sim, incoming), null);
	}

	static Map<String, String> mediaHeaders(TelcoflowSimulator sim, JsonNode incoming) {
		Map<String, String> headers = new HashMap<>(TestWebSocket.apiKeyHeaders(sim));
		headers.put("Telcoflow-Media-Token", incoming.path("media_token").asString());
		return headers;
	}

	static String command(String id, String name) {
		return "{\"type\":\"command\",\"id\":\"" + id + "\",\"name\":\"" + name + "\"}";
	}

	/** A call offered to the control socket and its opened media connection (media.started consumed). */
	record OpenCall(SimulatedCall call, JsonNode incoming, TestWebSocket media) {
	}

	static OpenCall openCall(TelcoflowSimulator sim, TestWebSocket control, CallScript script) {
		SimulatedCall call = sim.placeCall(script);
		JsonNode incoming = control.await("call.incoming");
		TestWebSocket media = openMedia(sim, incoming);
		media.await("media.started");
		return new OpenCall(call, incoming, media);
	}

	static OpenCall answeredCall(TelcoflowSimulator sim, TestWebSocket control, CallScript script) {
		OpenCall open = openCall(sim, control, script);
		open.media().send(command("c-1", "answer"));
		open.media().await("command.result");
		return open;
	}

}
