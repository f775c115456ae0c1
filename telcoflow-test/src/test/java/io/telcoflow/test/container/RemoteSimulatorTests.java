package io.telcoflow.test.container;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link RemoteSimulator} against a {@link SimulatorAdminServer} in this JVM: the container's
 * control path, without Docker.
 */
class RemoteSimulatorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final byte[] GREETING = new byte[4800];

	private TelcoflowSimulator simulator;

	private SimulatorAdminServer admin;

	private RemoteSimulator remote;

	private @Nullable TelcoflowClient client;

	@BeforeEach
	void start() throws IOException {
		this.simulator = TelcoflowSimulator.builder().build().start();
		this.admin = SimulatorAdminServer.start(this.simulator, InetAddress.getLoopbackAddress(), 0);
		this.remote = new RemoteSimulator("127.0.0.1", this.admin.port());
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		this.admin.close();
		this.simulator.close();
	}

	@Test
	void callPlacedRemotelyReachesTheApplicationAndIsRecorded() {
		connect((call) -> {
			call.answer();
			call.sendAudio(GREETING);
			call.awaitPlayback(WAIT);
			call.terminationFuture().join();
		});
		this.remote.awaitReadySessions(1, WAIT);
		assertThat(this.remote.sessions()).singleElement().satisfies((session) -> {
			assertThat(session.ready()).isTrue();
			assertThat(session.sampleRate()).isEqualTo(24000);
		});

		RemoteSimulatedCall call = this.remote.placeCall(CallScript.builder()
			.callerNumber("+441632960123")
			.callerAudio(CallerAudio.tone(440, Duration.ofMillis(200)))
			.hangUpAfter(Duration.ofMillis(600))
			.build());
		call.awaitState("ANSWERED", WAIT);
		String reason = call.awaitEnded(WAIT);

		RemoteCallRecord record = call.record();
		assertThat(reason).isEqualTo("caller_hangup").isEqualTo(record.endReason());
		assertThat(call.isEnded()).isTrue();
		assertThat(record.commandNames()).startsWith("answer");
		assertThat(record.states()).startsWith("PENDING", "ANSWERED");
		assertThat(record.agentAudioBytes()).isEqualTo(GREETING.length);
		assertThat(call.agentAudio()).hasSize(GREETING.length);
		assertThat(record.offeredTo()).containsExactly(this.remote.sessions().get(0).id());
		assertThat(this.remote.calls()).extracting(RemoteSimulatedCall::callId).containsExactly(call.callId());
	}

	@Test
	void callerPressesKeysAndHangsUpRemotely() {
		CompletableFuture<Void> answered = new CompletableFuture<>();
		connect((call) -> {
			call.answer();
			answered.complete(null);
			call.terminationFuture().join();
		});
		this.remote.awaitReadySessions(1, WAIT);
		RemoteSimulatedCall call = this.remote.placeCall(CallScript.defaults());
		call.awaitState("ANSWERED", WAIT);

		call.pressDigit('#');
		call.hangUp();

		assertThat(call.awaitEnded(WAIT)).isEqualTo("caller_hangup");
		assertThat(call.record().dtmfSent()).containsExactly('#');
		assertThat(answered).isDone();
	}

	@Test
	void waitThatTimesOutFailsAsWithTheEmbeddedSimulator() {
		RemoteSimulatedCall call = this.remote.placeCall(CallScript.defaults());

		assertThat(call.state()).isEqualTo("PENDING");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> call.awaitState("ANSWERED", Duration.ofMillis(200)))
			.withMessageContaining(call.callId());
	}

	@Test
	void unknownCallIsNotFound() {
		assertThat(this.remote.call("no-such-call")).isNull();
	}

	@Test
	void faultsReachTheSimulator() {
		connect(ActiveCall::answer);
		this.remote.awaitReadySessions(1, WAIT);

		this.remote.faults().dropControlConnections();

		await().atMost(WAIT).until(() -> this.simulator.allSessions().size() >= 2);
		this.remote.awaitReadySessions(1, WAIT);
	}

	private void connect(IncomingCallHandler handler) {
		TelcoflowClient connected = TelcoflowClient.create(TelcoflowConfig.builder()
			.url(this.simulator.url())
			.apiKey(this.simulator.apiKey(), this.simulator.connectorUuid())
			.build());
		connected.onIncomingCall(handler);
		connected.connect();
		connected.ready();
		this.client = connected;
	}

}
