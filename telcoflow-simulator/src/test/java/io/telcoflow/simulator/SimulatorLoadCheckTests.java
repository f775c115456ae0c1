package io.telcoflow.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manual capacity check, not part of the normal build: {@code -Dtelcoflow.simulator.load=500}
 * answers that many calls with JDK WebSocket clients that echo a frame on every pull, and prints
 * the pull and audio rates the simulator kept up.
 */
@EnabledIfSystemProperty(named = "telcoflow.simulator.load", matches = "\\d+")
class SimulatorLoadCheckTests {

	@Test
	void carriesManyAnsweredCalls() throws Exception {
		int calls = Integer.getInteger("telcoflow.simulator.load");
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder().recordAgentAudio(false).build().start()) {
			TestWebSocket control = SimulatorTestSupport.readyControl(sim);
			HttpClient http = HttpClient.newHttpClient();
			List<WebSocket> sockets = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				sim.placeCall(CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(1))).repeatAudio(true).build());
				JsonNode incoming = control.await("call.incoming");
				WebSocket socket = http.newWebSocketBuilder()
					.header("Authorization", "Bearer " + sim.apiKey())
					.header("Telcoflow-Connector", sim.connectorUuid())
					.header("Telcoflow-Media-Token", incoming.path("media_token").asString())
					.buildAsync(URI.create(incoming.path("media_url").asString()), new EchoAgent())
					.get(10, TimeUnit.SECONDS);
				socket.sendText("{\"type\":\"command\",\"id\":\"a\",\"name\":\"answer\"}", true).get(10, TimeUnit.SECONDS);
				sockets.add(socket);
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> sim.calls().stream().allMatch((c) -> "ANSWERED".equals(c.state())));
			Thread.sleep(2000); // warm-up of a manual measurement, not a test of timing
			long[] pulls = sim.calls().stream().mapToLong((c) -> c.record().pulls()).toArray();
			long[] bytes = sim.calls().stream().mapToLong((c) -> c.record().agentAudioBytes()).toArray();
			long start = System.nanoTime();
			Thread.sleep(10_000);
			double seconds = (System.nanoTime() - start) / 1e9;
			List<SimulatedCall> all = sim.calls();
			double minPullRate = Double.MAX_VALUE;
			double sumPullRate = 0;
			double minAudioRate = Double.MAX_VALUE;
			for (int i = 0; i < all.size(); i++) {
				double pullRate = (all.get(i).record().pulls() - pulls[i]) / seconds;
				double audioRate = (all.get(i).record().agentAudioBytes() - bytes[i]) / seconds;
				minPullRate = Math.min(minPullRate, pullRate);
				minAudioRate = Math.min(minAudioRate, audioRate);
				sumPullRate += pullRate;
			}
			System.out.printf("LOAD %d answered calls: pulls/s per call min %.1f avg %.1f; agent audio B/s per call min %.0f%n",
					calls, minPullRate, sumPullRate / all.size(), minAudioRate);
			assertThat(all).allMatch((c) -> c.record().protocolErrors().isEmpty());
			sockets.forEach(WebSocket::abort);
		}
	}

	/** Answers each pull with one frame of the size asked for. */
	private static final class EchoAgent implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				String message = this.text.toString();
				this.text.setLength(0);
				if (message.contains("\"audio.pull\"")) {
					synchronized (this) {
						this.sending = this.sending.thenCompose((ignored) -> webSocket.sendBinary(ByteBuffer.allocate(960), true));
					}
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			webSocket.request(1);
			return null;
		}

	}

}
