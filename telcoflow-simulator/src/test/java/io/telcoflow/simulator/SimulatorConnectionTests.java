package io.telcoflow.simulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SimulatorConnectionTests {

	private final TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	private static TelcoflowSimulator shortHeartbeat() {
		return TelcoflowSimulator.builder().heartbeatInterval(Duration.ofMillis(300)).build().start();
	}

	@Test
	void bindsLoopbackOnAFreePort() {
		assertThat(this.sim.url()).isEqualTo("ws://127.0.0.1:" + this.sim.port());
		assertThat(this.sim.port()).isPositive();
		assertThat(this.sim.controlUrl()).endsWith("/v1/control");
	}

	@Test
	void controlUpgradeWithApiKeyIsWelcomed() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		JsonNode welcome = control.await("session.welcome");
		assertThat(welcome.path("protocol").asString()).isEqualTo("telcoflow-wire/1");
		assertThat(welcome.path("heartbeat_interval_ms").asLong()).isEqualTo(15000);
		assertThat(this.sim.sessions()).extracting(SimulatedSession::id).containsExactly(welcome.path("session_id").asString());
		assertThat(this.sim.sessions().get(0).isReady()).isFalse();
	}

	@Test
	void wrongApiKeyIsRefusedWith401() {
		Map<String, String> headers = Map.of("Authorization", "Bearer wrong", "Telcoflow-Connector", this.sim.connectorUuid());
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), headers, null)).isEqualTo(401);
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), Map.of(), null)).isEqualTo(401);
	}

	@Test
	void wrongConnectorIsRefusedWith403() {
		Map<String, String> headers = Map.of("Authorization", "Bearer " + this.sim.apiKey(), "Telcoflow-Connector", "other");
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), headers, null)).isEqualTo(403);
	}

	@Test
	void unknownPathIsRefusedWith404() {
		assertThat(TestWebSocket.refusalStatus(this.sim.url() + "/v2/nothing", TestWebSocket.apiKeyHeaders(this.sim), null))
			.isEqualTo(404);
	}

	@Test
	void refusedConnectionsGet503ThenTheNextIsAccepted() {
		this.sim.faults().refuseNextConnections(2);
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), TestWebSocket.apiKeyHeaders(this.sim), null)).isEqualTo(503);
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), TestWebSocket.apiKeyHeaders(this.sim), null)).isEqualTo(503);
		TestWebSocket.control(this.sim).await("session.welcome");
		assertThat(this.sim.controlConnectionAttempts()).hasSize(3);
	}

	@Test
	void refusalStatusCanBeChosen() {
		this.sim.faults().refuseNextConnections(1, 403);
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), TestWebSocket.apiKeyHeaders(this.sim), null)).isEqualTo(403);
	}

	@Test
	void revokedCredentialsCloseWith4001AndRefuseWith401() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		this.sim.faults().revokeCredentials();
		assertThat(control.awaitClose()).isEqualTo(4001);
		assertThat(TestWebSocket.refusalStatus(this.sim.controlUrl(), TestWebSocket.apiKeyHeaders(this.sim), null)).isEqualTo(401);
		this.sim.faults().restoreCredentials();
		TestWebSocket.control(this.sim).await("session.welcome");
	}

	@Test
	void pingsAreAnsweredWithPongs() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.ping();
		await().atMost(Duration.ofSeconds(20)).until(() -> control.pongs.get() == 1);
		assertThat(this.sim.sessions().get(0).pingsReceived()).isEqualTo(1);
	}

	@Test
	void stoppedPingsGetNoPong() throws InterruptedException {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		this.sim.faults().stopAnsweringPings();
		control.ping();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.sim.sessions().get(0).pingsReceived() == 1);
		this.sim.faults().resumeAnsweringPings();
		control.ping();
		await().atMost(Duration.ofSeconds(20)).until(() -> control.pongs.get() == 1);
		assertThat(control.pongs.get()).isEqualTo(1);
	}

	@Test
	void silentConnectionIsClosedWith4008AfterThreeIntervals() {
		try (TelcoflowSimulator quick = shortHeartbeat()) {
			TestWebSocket control = TestWebSocket.control(quick);
			assertThat(control.await("session.welcome").path("heartbeat_interval_ms").asLong()).isEqualTo(300);
			assertThat(control.awaitClose()).isEqualTo(4008);
			await().atMost(Duration.ofSeconds(20)).until(() -> quick.allSessions().get(0).closeCode() == 4008);
		}
	}

	@Test
	void pingingConnectionStaysOpen() {
		// silence of 3 s closes; pings follow one another as soon as the last one arrived, for
		// longer than that: a stalled test thread would have to stall for 3 s to break this
		Duration interval = Duration.ofSeconds(1);
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder().heartbeatInterval(interval).build().start()) {
			TestWebSocket control = TestWebSocket.control(sim);
			control.await("session.welcome");
			long until = System.nanoTime() + interval.multipliedBy(4).toNanos();
			int pings = 0;
			while (System.nanoTime() < until) {
				control.ping();
				int sent = ++pings;
				await().atMost(Duration.ofSeconds(20)).until(() -> sim.sessions().get(0).pingsReceived() >= sent);
			}
			assertThat(control.closed).isNotDone();
			assertThat(sim.sessions()).hasSize(1);
		}
	}

	@Test
	void unsupportedSampleRateIsAnsweredWithErrorAnd4008() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		control.send("{\"type\":\"session.ready\",\"sample_rate\":11025,\"max_calls\":0}");
		assertThat(control.await("error").path("code").asString()).isEqualTo("UNSUPPORTED_SAMPLE_RATE");
		assertThat(control.awaitClose()).isEqualTo(4008);
	}

	@Test
	void drainingSendsSessionDrainingThenCloses1001() {
		TestWebSocket control = SimulatorTestSupport.readyControl(this.sim);
		this.sim.faults().drainControlConnections(Duration.ofMillis(750));
		assertThat(control.await("session.draining").path("reconnect_after_ms").asLong()).isEqualTo(750);
		assertThat(control.awaitClose()).isEqualTo(1001);
	}

	@Test
	void droppedControlConnectionEndsWithoutCloseFrame() {
		TestWebSocket control = SimulatorTestSupport.readyControl(this.sim);
		this.sim.faults().dropControlConnections();
		assertThat(control.awaitClose()).isEqualTo(1006);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.sim.sessions().isEmpty());
		assertThat(this.sim.allSessions().get(0).closeCode()).isEqualTo(1006);
	}

	@Test
	void rawControlTextReachesTheClient() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		this.sim.faults().sendControlText("{\"type\":\"no.such.type\"}");
		this.sim.faults().sendControlText("{not json");
		assertThat(control.await("no.such.type")).isNotNull();
		assertThat(control.await("<unparsable>").path("raw").asString()).isEqualTo("{not json");
	}

	@Test
	void clientProtocolErrorsAreRecordedAndTheConnectionKept() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		control.send("{oops");
		control.send("{\"type\":\"session.unknown\"}");
		control.send("{\"type\":\"x\",\"pad\":\"" + "a".repeat(70 * 1024) + "\"}");
		control.sendBinary(new byte[] { 1, 2 });
		SimulatedSession session = this.sim.sessions().get(0);
		await().atMost(Duration.ofSeconds(20)).until(() -> session.protocolErrors().size() == 4);
		assertThat(session.protocolErrors().get(0)).startsWith("malformed message");
		assertThat(session.protocolErrors().get(1)).contains("unknown message type session.unknown");
		assertThat(session.protocolErrors().get(2)).contains("larger than 65536");
		control.send("{\"type\":\"session.ready\",\"sample_rate\":16000,\"max_calls\":3}");
		await().atMost(Duration.ofSeconds(20)).until(session::isReady);
		assertThat(session.sampleRate()).isEqualTo(16000);
		assertThat(session.maxCalls()).isEqualTo(3);
	}

	@Test
	void portCannotBeNegative() {
		assertThatThrownBy(() -> TelcoflowSimulator.builder().port(-1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("port");
	}

}
