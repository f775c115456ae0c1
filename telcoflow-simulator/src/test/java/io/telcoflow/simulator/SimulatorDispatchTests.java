package io.telcoflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.telcoflow.simulator.SimulatorTestSupport.openMedia;
import static io.telcoflow.simulator.SimulatorTestSupport.readyControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimulatorDispatchTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void callsGoRoundRobinToReadySessions() {
		TestWebSocket first = readyControl(this.sim);
		TestWebSocket second = readyControl(this.sim);
		for (int i = 0; i < 4; i++) {
			this.sim.placeCall();
		}
		await().atMost(TIMEOUT).until(() -> this.sim.calls().stream().allMatch((c) -> c.sessionId() != null));
		List<String> sessions = this.sim.calls().stream().map(SimulatedCall::sessionId).toList();
		assertThat(sessions).hasSize(4);
		assertThat(sessions.stream().distinct()).hasSize(2);
		assertThat(sessions.get(0)).isEqualTo(sessions.get(2)).isNotEqualTo(sessions.get(1));
		assertThat(sessions.get(1)).isEqualTo(sessions.get(3));
		first.await("call.incoming");
		second.await("call.incoming");
	}

	@Test
	void maxCallsLimitsOffersToASession() {
		TestWebSocket control = readyControl(this.sim, 24000, 1);
		SimulatedCall first = this.sim.placeCall();
		SimulatedCall second = this.sim.placeCall();
		JsonNode incoming = control.await("call.incoming");
		assertThat(incoming.path("call_id").asString()).isEqualTo(first.callId());
		TestWebSocket media = openMedia(this.sim, incoming);
		media.await("media.started");
		Instant beforeClose = Instant.now();
		media.send(SimulatorTestSupport.command("c-1", "close"));
		assertThat(control.await("call.incoming").path("call_id").asString()).isEqualTo(second.callId());
		// placed while the session was full: offered only once the first call had ended
		assertThat(second.record().offeredAt()).isAfterOrEqualTo(beforeClose);
	}

	@Test
	void zeroCapacitySendsCallsToAnotherSession() {
		TestWebSocket full = readyControl(this.sim);
		full.send("{\"type\":\"session.capacity\",\"available\":0}");
		await().atMost(TIMEOUT).until(() -> this.sim.sessions().get(0).available() == 0);
		TestWebSocket free = readyControl(this.sim);
		SimulatedCall call = this.sim.placeCall();
		assertThat(free.await("call.incoming").path("call_id").asString()).isEqualTo(call.callId());
		assertThat(full.texts).isEmpty();
	}

	@Test
	void pausedSessionIsNotOfferedCallsUntilReadyAgain() {
		TestWebSocket control = readyControl(this.sim);
		control.send("{\"type\":\"session.pause\"}");
		await().atMost(TIMEOUT).until(() -> this.sim.sessions().get(0).isPaused());
		SimulatedCall call = this.sim.placeCall();
		Instant beforeReady = Instant.now();
		control.send("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":0}");
		assertThat(control.await("call.incoming").path("call_id").asString()).isEqualTo(call.callId());
		assertThat(call.record().offeredAt()).isAfterOrEqualTo(beforeReady);
		assertThat(this.sim.sessions().get(0).readyCount()).isEqualTo(2);
	}

	@Test
	void callWhoseMediaDoesNotOpenIsReofferedToAnotherSession() {
		try (TelcoflowSimulator quick = quickMediaTimeout()) {
			TestWebSocket slow = readyControl(quick);
			SimulatedCall call = quick.placeCall();
			slow.await("call.incoming");
			TestWebSocket other = readyControl(quick);
			JsonNode ended = slow.await("call.ended");
			assertThat(ended.path("reason").asString()).isEqualTo("media_timeout");
			JsonNode reoffer = other.await("call.incoming");
			assertThat(reoffer.path("call_id").asString()).isEqualTo(call.callId());
			openMedia(quick, reoffer).await("media.started");
			assertThat(call.record().offeredTo()).hasSize(2).doesNotHaveDuplicates();
		}
	}

	@Test
	void callWhoseMediaDoesNotOpenEndsWhenNoOtherSessionCanTakeIt() {
		try (TelcoflowSimulator quick = quickMediaTimeout()) {
			TestWebSocket only = readyControl(quick);
			SimulatedCall call = quick.placeCall();
			only.await("call.incoming");
			assertThat(only.await("call.ended").path("reason").asString()).isEqualTo("media_timeout");
			assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("media_timeout");
		}
	}

	private static TelcoflowSimulator quickMediaTimeout() {
		return TelcoflowSimulator.builder().mediaOpenTimeout(Duration.ofMillis(300)).build().start();
	}

	@Test
	void callPlacedBeforeAnySessionWaitsForOne() {
		SimulatedCall call = this.sim.placeCall();
		TestWebSocket control = readyControl(this.sim);
		assertThat(control.await("call.incoming").path("call_id").asString()).isEqualTo(call.callId());
	}

	@Test
	void autoCallsArePlacedWhileASessionIsReady() {
		readyControl(this.sim);
		this.sim.startAutoCalls(Duration.ofMillis(50), CallScript::defaults);
		await().atMost(TIMEOUT).until(() -> this.sim.calls().size() >= 2);
		this.sim.stopAutoCalls();
		int placed = this.sim.calls().size();
		// once stopped, nothing more is placed (stopAutoCalls waits for a placement under way): a
		// call placed now is the last one
		SimulatedCall last = this.sim.placeCall();
		await().atMost(TIMEOUT).until(() -> !last.record().offeredTo().isEmpty());
		assertThat(this.sim.calls()).hasSize(placed + 1).last().isSameAs(last);
	}

	@Test
	void awaitReadySessionsReturnsTheReadyOnes() {
		readyControl(this.sim);
		TestWebSocket.control(this.sim).await("session.welcome");
		assertThat(this.sim.awaitReadySessions(1, TIMEOUT)).hasSize(1);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.sim.awaitReadySessions(2, Duration.ofMillis(50)))
			.isInstanceOf(AssertionError.class);
	}

}
