package io.telcoflow.client.internal;

import java.util.concurrent.BlockingQueue;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages larger than Tomcat's small per-connection buffers arrive in parts and are assembled up
 * to the protocol's 64 KiB; larger ones are protocol errors, and every connection stays open.
 */
class LargeMessageTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final RecordingClientListener clientListener = new RecordingClientListener();

	private final RecordingCallListener callListener = new RecordingCallListener();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void messagesUpTo64KiBArriveWholeAndLargerOnesAreDroppedWithTheConnectionsKept() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.clientListener,
				(call) -> {
				});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		call.addListener(this.callListener);
		assertThat(call.getState()).isEqualTo(CallState.PENDING);
		String padding = "p".repeat(40 * 1024);
		this.fixture.simulator.faults()
			.sendMediaText(call.getCallId(),
					"{\"type\":\"call.dtmf\",\"digit\":\"7\",\"duration_ms\":80,\"padding\":\"" + padding + "\"}");
		await().untilAsserted(() -> assertThat(this.callListener.dtmf).extracting((event) -> event.digit())
			.containsExactly('7'));
		// a 20,000-byte binary message is assembled and handled (audio while pending: a protocol error)
		this.fixture.simulator.faults().sendMediaBinary(call.getCallId(), new byte[20_000]);
		await().untilAsserted(() -> assertThat(this.clientListener.protocolErrors)
			.anyMatch((error) -> error.contains("audio frame while the call is PENDING")));
		this.fixture.simulator.faults().sendMediaBinary(call.getCallId(), new byte[70_000]);
		await().untilAsserted(() -> assertThat(this.clientListener.protocolErrors)
			.anyMatch((error) -> error.contains("binary message of 70000 bytes exceeds")));
		this.fixture.simulator.faults().sendOversizedMediaText(call.getCallId());
		this.fixture.simulator.faults().sendOversizedControlText();
		await().untilAsserted(() -> assertThat(this.clientListener.protocolErrors)
			.filteredOn((error) -> error.startsWith("text message of")).hasSize(2));
		this.fixture.simulator.faults().sendMediaText(call.getCallId(), "{\"type\":\"call.dtmf\",\"digit\":\"8\"}");
		await().untilAsserted(() -> assertThat(this.callListener.dtmf).extracting((event) -> event.digit())
			.containsExactly('7', '8'));
		assertThat(call.terminationFuture()).isNotDone();
		assertThat(simulated.record().mediaConnections()).isEqualTo(1);
		assertThat(this.clientListener.states).doesNotContain(ConnectionState.RECONNECTING);
	}

}
