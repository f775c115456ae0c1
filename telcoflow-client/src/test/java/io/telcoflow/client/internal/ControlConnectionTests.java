package io.telcoflow.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The control connection against the simulator: readiness, capacity, reconnects, authentication.
 */
class ControlConnectionTests {

	private SimulatorFixture fixture = new SimulatorFixture();

	private final RecordingClientListener listener = new RecordingClientListener();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void noCallIsOfferedBeforeReadyAndReadyNeedsAHandler() {
		TelcoflowClient client = this.fixture.client(this.fixture.config().build(), this.listener);
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.NEW);
		assertThatIllegalStateException().isThrownBy(client::ready);
		client.connect();
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.CONNECTED);
		SimulatedSession session = this.fixture.simulator.sessions().get(0);
		assertThat(session.isReady()).isFalse();
		SimulatedCall call = this.fixture.simulator.placeCall(CallScript.defaults());
		client.onIncomingCall(ActiveCall::answer);
		Instant beforeReady = Instant.now();
		client.ready();
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.READY);
		call.awaitState("ANSWERED", SimulatorFixture.WAIT);
		// placed while the session was not ready: offered only once it was, and only to it
		assertThat(call.record().offeredAt()).isAfterOrEqualTo(beforeReady);
		assertThat(call.record().offeredTo()).hasSize(1);
		assertThat(session.sampleRate()).isEqualTo(24000);
		await().untilAsserted(() -> assertThat(this.listener.states).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
				ConnectionState.READY));
	}

	@Test
	void disconnectReleasesEverythingAlsoAfterTheServerClosedTheControlConnectionNormally() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.listener,
				(call) -> {
				});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = calls.poll(10, TimeUnit.SECONDS);
		assertThat(call).isNotNull();
		DefaultTelcoflowClient client = (DefaultTelcoflowClient) this.fixture.lastClient();
		this.fixture.simulator.faults().closeControlConnections();
		await().until(() -> client.getConnectionState() == ConnectionState.CLOSED);
		// the live call keeps its media: a normal close of the control connection is no call's end
		assertThat(simulated.isMediaOpen()).isTrue();
		client.disconnect();
		assertThat(call.terminationFuture().get(10, TimeUnit.SECONDS)).isEqualTo(TerminationReason.CLIENT_CLOSED);
		await().until(() -> !simulated.isMediaOpen());
		await().until(client.transport()::isDisposed);
	}

	@Test
	void aHandshakeThatCompletesAfterTheClientGaveUpIsClosedAtOnceAndNeverDeclaredReady() {
		this.fixture.simulator.faults().delayControlUpgrades(Duration.ofMillis(1500));
		TelcoflowClient client = this.fixture.client(this.fixture.config().connectTimeout(Duration.ofMillis(500)).build(),
				this.listener);
		client.onIncomingCall(ActiveCall::answer);
		// one deadline for the whole handshake: the attempt fails long before the server answers
		assertThatExceptionOfType(WssConnectionException.class).isThrownBy(client::connect)
			.withMessageContaining("timed out");
		client.ready();
		client.close();
		// the server answers the upgrades it was still holding: those connections are closed at once
		await().atMost(SimulatorFixture.WAIT).until(() -> !this.fixture.simulator.allSessions().isEmpty()
				&& this.fixture.simulator.sessions().isEmpty());
		assertThat(this.fixture.simulator.allSessions()).noneMatch(SimulatedSession::isReady);
	}

	@Test
	void pauseStopsOffersAndReadyResumesThem() {
		this.fixture.readyClient(this.fixture.config().build(), this.listener, ActiveCall::answer);
		TelcoflowClient client = this.fixture.lastClient();
		client.pause();
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.PAUSED);
		await().until(() -> this.fixture.simulator.sessions().get(0).isPaused());
		SimulatedCall call = this.fixture.simulator.placeCall(CallScript.defaults());
		Instant beforeReady = Instant.now();
		client.ready();
		call.awaitState("ANSWERED", SimulatorFixture.WAIT);
		// placed while paused: offered only once ready again
		assertThat(call.record().offeredAt()).isAfterOrEqualTo(beforeReady);
		assertThat(call.record().offeredTo()).hasSize(1);
	}

	@Test
	void maxCallsIsDeclaredAndCapacityFollowsTheLiveCalls() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().maxCalls(2).build(),
				this.listener, (call) -> {
				});
		SimulatedSession session = this.fixture.simulator.sessions().get(0);
		assertThat(session.maxCalls()).isEqualTo(2);
		assertThat(this.fixture.lastClient().getMaxCalls()).isEqualTo(2);
		SimulatedCall first = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		await().until(() -> session.available() == 1);
		first.hangUp();
		await().until(() -> session.available() == 2);
	}

	@Test
	void reofferedCallIdIsIgnored() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.listener,
				(call) -> {
				});
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		this.fixture.simulator.faults()
			.sendControlText("{\"type\":\"call.incoming\",\"call_id\":\"" + call.getCallId()
					+ "\",\"caller_number\":null,\"callee_number\":null,\"media_url\":\"" + simulated.mediaPath()
					+ "\",\"media_token\":\"" + simulated.mediaToken() + "\",\"offered_at\":\"" + Instant.now() + "\"}");
		// a real call offered after the duplicate, on the same connection, is the next one handled
		SimulatedCall next = this.fixture.simulator.placeCall(CallScript.defaults());
		assertThat(SimulatorFixture.take(calls).getCallId()).isEqualTo(next.callId());
		assertThat(calls).isEmpty();
		assertThat(simulated.record().mediaConnections()).isEqualTo(1);
		await().untilAsserted(() -> assertThat(this.listener.started).hasSize(2));
	}

	@Test
	void controlConnectionDroppedDuringACallLeavesItsAudioUninterruptedAndReconnectsWithGrowingDelays()
			throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.listener,
				(call) -> {
					call.answer();
					for (byte[] chunk : call.audioStream()) {
						call.sendAudio(chunk);
					}
				});
		byte[] callerAudio = CallerAudio.tone(500, Duration.ofMillis(1500)).render(24000);
		SimulatedCall simulated = this.fixture.simulator
			.placeCall(CallScript.builder().callerAudio(CallerAudio.pcm(callerAudio)).build());
		SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		this.fixture.simulator.faults().refuseNextConnections(3);
		this.fixture.simulator.faults().dropControlConnections();
		await().atMost(SimulatorFixture.WAIT)
			.until(() -> this.fixture.lastClient().getConnectionState() == ConnectionState.READY
					&& this.listener.reconnectAttempts.size() >= 4);
		await().untilAsserted(() -> assertThat(this.listener.reconnectAttempts).startsWith(1, 2, 3, 4));
		List<Duration> delays = this.listener.reconnectDelays;
		for (int attempt = 1; attempt <= 4; attempt++) {
			Duration ceiling = this.fixture.config().build().getReconnectBackoff().ceiling(attempt);
			assertThat(delays.get(attempt - 1)).isLessThanOrEqualTo(ceiling);
		}
		assertThat(this.fixture.config().build().getReconnectBackoff().ceiling(4))
			.isGreaterThan(this.fixture.config().build().getReconnectBackoff().ceiling(1));
		await().untilAsserted(() -> assertThat(this.listener.errorsOfType(WssConnectionException.class)).isGreaterThanOrEqualTo(4));
		await().atMost(SimulatorFixture.WAIT)
			.until(() -> simulated.record().agentAudio().length >= callerAudio.length);
		assertThat(simulated.record().agentAudio()).startsWith(callerAudio);
		assertThat(simulated.record().mediaConnections()).isEqualTo(1);
		assertThat(simulated.state()).isEqualTo("ANSWERED");
		SimulatedCall next = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		next.awaitState("ANSWERED", SimulatorFixture.WAIT);
		assertThat(this.fixture.simulator.sessions().get(0).readyCount()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void refusedConnectionsWith503AreRetriedUntilTheServerAccepts() {
		this.fixture.simulator.faults().refuseNextConnections(2);
		TelcoflowClient client = this.fixture.client(this.fixture.config().build(), this.listener);
		assertThatExceptionOfType(WssConnectionException.class).isThrownBy(client::connect)
			.withMessageContaining("503");
		assertThat(client.getConnectionState()).isIn(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
		await().atMost(SimulatorFixture.WAIT).until(() -> client.getConnectionState() == ConnectionState.CONNECTED);
		assertThat(this.fixture.simulator.controlConnectionAttempts()).hasSize(3);
	}

	@Test
	void wrongApiKeyFailsWithAuthenticationExceptionAndNoRetry() {
		TelcoflowClient client = this.fixture.client(this.fixture.config()
			.apiKey("wrong-key", this.fixture.simulator.connectorUuid())
			.build(), this.listener);
		assertThatExceptionOfType(WssAuthenticationException.class).isThrownBy(client::connect)
			.withMessageContaining("401")
			.withMessageNotContaining("wrong-key");
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.AUTHENTICATION_FAILED);
		await().untilAsserted(() -> assertThat(this.listener.errorsOfType(WssAuthenticationException.class)).isEqualTo(1));
		// a retry would have been scheduled when the attempt failed, so reported before the close
		client.disconnect();
		await().untilAsserted(() -> assertThat(this.listener.states).contains(ConnectionState.CLOSED));
		assertThat(this.listener.reconnectAttempts).isEmpty();
		assertThat(this.fixture.simulator.controlConnectionAttempts()).hasSize(1);
	}

	@Test
	void wrongConnectorIsRefusedAsAuthenticationFailure() {
		TelcoflowClient client = this.fixture.client(this.fixture.config()
			.apiKey(this.fixture.simulator.apiKey(), "00000000-0000-0000-0000-000000000000")
			.build(), this.listener);
		assertThatExceptionOfType(WssAuthenticationException.class).isThrownBy(client::connect);
	}

	@Test
	void revokedCredentialsEndInAuthenticationFailedWithoutReconnecting() {
		this.fixture.readyClient(this.fixture.config().build(), this.listener, ActiveCall::answer);
		this.fixture.simulator.faults().revokeCredentials();
		await().until(() -> this.fixture.lastClient().getConnectionState() == ConnectionState.AUTHENTICATION_FAILED);
		assertThat(this.listener.reconnectAttempts).isEmpty();
		await().untilAsserted(() -> assertThat(this.listener.errorsOfType(WssAuthenticationException.class)).isEqualTo(1));
		// the application may connect again, for example with new credentials
		this.fixture.simulator.faults().restoreCredentials();
		this.fixture.lastClient().connect();
		await().until(() -> this.fixture.lastClient().getConnectionState() == ConnectionState.READY);
	}

	@Test
	void drainingServerIsReconnectedAfterItsDelay() {
		this.fixture.readyClient(this.fixture.config().build(), this.listener, ActiveCall::answer);
		this.fixture.simulator.faults().drainControlConnections(Duration.ofMillis(300));
		await().until(() -> this.listener.reconnectDelays.size() == 1);
		await().untilAsserted(() -> assertThat(this.listener.reconnectDelays.get(0)).isBetween(Duration.ofMillis(300), Duration.ofMillis(1300)));
		await().atMost(SimulatorFixture.WAIT).until(() -> this.fixture.simulator.sessions().size() == 1
				&& this.fixture.simulator.sessions().get(0).isReady());
		SimulatedCall call = this.fixture.simulator.placeCall(CallScript.defaults());
		call.awaitState("ANSWERED", SimulatorFixture.WAIT);
	}

	@Test
	void silentServerIsDetectedAsDeadAndReconnected() {
		this.fixture.close();
		this.fixture = new SimulatorFixture(TelcoflowSimulator.builder().heartbeatInterval(Duration.ofMillis(500)));
		this.fixture.readyClient(this.fixture.config().build(), this.listener, ActiveCall::answer);
		this.fixture.simulator.faults().stopAnsweringPings();
		await().atMost(SimulatorFixture.WAIT).until(() -> !this.listener.reconnectAttempts.isEmpty());
		this.fixture.simulator.faults().resumeAnsweringPings();
		await().atMost(SimulatorFixture.WAIT)
			.until(() -> this.fixture.lastClient().getConnectionState() == ConnectionState.READY);
		assertThat(this.fixture.simulator.allSessions().get(0).pingsReceived()).isPositive();
	}

	@Test
	void disconnectClosesControlAndMediaAndEndsLiveCallsWithClientClosed() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.listener,
				ActiveCall::answer);
		SimulatedCall simulated = this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
		TelcoflowClient client = this.fixture.lastClient();
		assertThat(client.awaitClosed(Duration.ofMillis(10))).isFalse();
		client.disconnect();
		assertThat(client.awaitClosed(Duration.ofSeconds(1))).isTrue();
		client.awaitClosed();
		assertThat(client.getConnectionState()).isEqualTo(ConnectionState.CLOSED);
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.CLIENT_CLOSED);
		assertThat(client.getActiveCalls()).isEmpty();
		await().until(() -> !simulated.isMediaOpen());
		await().until(() -> this.fixture.simulator.sessions().isEmpty());
		assertThat(this.fixture.simulator.allSessions().get(0).closeCode()).isEqualTo(1000);
		assertThatIllegalStateException().isThrownBy(client::connect);
		client.close();
		await().untilAsserted(() -> assertThat(this.listener.ended).containsExactly(TerminationReason.CLIENT_CLOSED));
	}

	@Test
	void capacityIsDeclaredAgainAfterAReconnect() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().maxCalls(3).build(),
				this.listener, (call) -> {
				});
		SimulatedCall live = this.fixture.simulator.placeCall(CallScript.defaults());
		SimulatorFixture.take(calls);
		this.fixture.simulator.faults().dropControlConnections();
		await().atMost(SimulatorFixture.WAIT).until(() -> !this.listener.reconnectAttempts.isEmpty()
				&& this.fixture.lastClient().getConnectionState() == ConnectionState.READY);
		await().until(() -> this.fixture.simulator.sessions().size() == 1
				&& this.fixture.simulator.sessions().get(0).available() == 2);
		assertThat(live.isEnded()).isFalse();
	}

	@Test
	void serverErrorIsReportedAsConnectionException() {
		this.fixture.readyClient(this.fixture.config().build(), this.listener, ActiveCall::answer);
		this.fixture.simulator.faults().sendControlText("{\"type\":\"error\",\"code\":\"SLOW\",\"message\":\"calm down\"}");
		await().untilAsserted(() -> assertThat(this.listener.errors).singleElement()
			.isInstanceOf(WssConnectionException.class)
			.satisfies((error) -> assertThat(error).hasMessageContaining("SLOW")));
		assertThat(this.fixture.lastClient().getConnectionState()).isEqualTo(ConnectionState.READY);
	}

}
