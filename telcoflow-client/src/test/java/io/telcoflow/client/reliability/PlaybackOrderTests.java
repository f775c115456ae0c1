package io.telcoflow.client.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code awaitPlayback} and then {@code disconnect}: every byte buffered before reaches the server
 * before the {@code disconnect} command, so the caller hears all of it. (Playback used to be
 * signalled when the last bytes left the buffer, before their frame was sent, and the command
 * could overtake it.)
 */
class PlaybackOrderTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private final TelcoflowClient client = TelcoflowClient.create(TelcoflowConfig.builder()
		.url(this.simulator.url())
		.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
		.build());

	private final Map<String, byte[]> sent = new ConcurrentHashMap<>();

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	@RepeatedTest(3)
	void everyByteBufferedBeforeDisconnectIsPlayed() {
		this.client.onIncomingCall((call) -> {
			byte[] goodbye = new byte[9600];
			ThreadLocalRandom.current().nextBytes(goodbye);
			this.sent.put(call.getCallId(), goodbye);
			call.answer();
			call.sendAudio(goodbye);
			call.awaitPlayback(WAIT);
			call.disconnect();
		});
		this.client.connect();
		this.client.ready();
		for (int i = 0; i < 10; i++) {
			SimulatedCall call = this.simulator.placeCall(CallScript.defaults());
			assertThat(call.awaitEnded(WAIT)).isEqualTo("disconnected");
			assertThat(call.record().agentAudio()).as("audio of call %d", i).isEqualTo(this.sent.get(call.callId()));
		}
	}

}
