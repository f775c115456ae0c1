package io.telcoflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.telcoflow.simulator.SimulatorTestSupport.readyControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the simulator spreads calls among sessions of one connector: only to ready, unpaused
 * sessions with capacity, the one with the most free capacity first.
 */
class SimulatorRoutingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void callGoesToTheSessionWithTheMostFreeCapacity() {
		readyControl(this.sim, 24000, 4);
		readyControl(this.sim, 24000, 2);
		SimulatedSession large = session(0);
		SimulatedSession small = session(1);
		// free 4:2, 3:2, 2:2 (tie: the one with fewer calls), 2:1
		List<String> offeredTo = List.of(offer(), offer(), offer(), offer());
		assertThat(offeredTo).containsExactly(large.id(), large.id(), small.id(), large.id());
		assertThat(large.offeredCalls()).isEqualTo(3);
		assertThat(small.offeredCalls()).isEqualTo(1);
	}

	@Test
	void sessionsWithEqualLimitsShareCallsEvenly() {
		for (int i = 0; i < 3; i++) {
			readyControl(this.sim, 24000, 10);
		}
		for (int i = 0; i < 12; i++) {
			offer();
		}
		assertThat(this.sim.sessions()).extracting(SimulatedSession::offeredCalls).containsExactly(4, 4, 4);
	}

	@Test
	void newSessionFillsUpToTheOthers() {
		readyControl(this.sim, 24000, 10);
		for (int i = 0; i < 3; i++) {
			offer();
		}
		readyControl(this.sim, 24000, 10);
		SimulatedSession newcomer = session(1);
		assertThat(List.of(offer(), offer(), offer(), offer())).containsExactly(newcomer.id(), newcomer.id(),
				newcomer.id(), session(0).id());
	}

	@Test
	void sessionsWithoutLimitTakeTurnsByCallsInProgress() {
		readyControl(this.sim);
		readyControl(this.sim);
		List<String> offeredTo = List.of(offer(), offer(), offer(), offer());
		assertThat(offeredTo.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
			.containsOnly(Map.entry(session(0).id(), 2L), Map.entry(session(1).id(), 2L));
		assertThat(offeredTo.get(0)).isNotEqualTo(offeredTo.get(1));
	}

	@Test
	void reportedCapacityBoundsOffersBelowMaxCalls() {
		TestWebSocket control = readyControl(this.sim, 24000, 10);
		reportCapacity(control, 0, 1);
		offer();
		SimulatedCall waiting = this.sim.placeCall();
		Instant beforeMore = Instant.now();
		control.send("{\"type\":\"session.capacity\",\"available\":5}");
		await().atMost(TIMEOUT).until(() -> waiting.sessionId() != null);
		// it waited for the capacity that let it in
		assertThat(waiting.record().offeredAt()).isAfterOrEqualTo(beforeMore);
	}

	@Test
	void pausedSessionGetsNoOfferFromItsPauseOn() {
		TestWebSocket pausing = readyControl(this.sim, 24000, 10);
		readyControl(this.sim, 24000, 10);
		offer();
		pausing.send("{\"type\":\"session.pause\"}");
		await().atMost(TIMEOUT).until(() -> session(0).isPaused());
		for (int i = 0; i < 5; i++) {
			assertThat(offer()).isEqualTo(session(1).id());
		}
		SimulatedSession paused = session(0);
		assertThat(paused.pausedAt()).isNotNull();
		if (paused.lastOfferedAt() != null) {
			assertThat(paused.lastOfferedAt()).isBeforeOrEqualTo(paused.pausedAt());
		}
	}

	@Test
	void sessionThatReportsZeroGetsNoOfferWhileAnotherHasRoom() {
		TestWebSocket full = readyControl(this.sim, 24000, 10);
		readyControl(this.sim, 24000, 10);
		reportCapacity(full, 0, 0);
		for (int i = 0; i < 4; i++) {
			assertThat(offer()).isEqualTo(session(1).id());
		}
		assertThat(session(0).offeredCalls()).isZero();
	}

	@Test
	void connectedSessionGetsOffersOnlyAfterItIsReady() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		SimulatedCall call = this.sim.placeCall();
		Instant beforeReady = Instant.now();
		control.send("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":1}");
		assertThat(control.await("call.incoming").path("call_id").asString()).isEqualTo(call.callId());
		assertThat(call.record().offeredAt()).isAfterOrEqualTo(beforeReady);
	}

	@Test
	void callsNobodyCanTakeWaitRingingAndAreOfferedInTheOrderPlaced() {
		TestWebSocket control = readyControl(this.sim, 24000, 10);
		reportCapacity(control, 0, 1);
		offer();
		SimulatedCall first = this.sim.placeCall();
		SimulatedCall second = this.sim.placeCall();
		SimulatedCall hungUp = this.sim.placeCall(CallScript.builder().hangUpWhileRinging(Duration.ofMillis(50)).build());
		assertThat(hungUp.awaitEnded(TIMEOUT)).isEqualTo("caller_hangup");
		assertThat(first.state()).isEqualTo("PENDING");
		assertThat(first.sessionId()).isNull();
		control.send("{\"type\":\"session.capacity\",\"available\":3}");
		await().atMost(TIMEOUT).until(() -> first.sessionId() != null && second.sessionId() != null);
		assertThat(first.record().offeredAt()).isBeforeOrEqualTo(second.record().offeredAt());
		assertThat(hungUp.record().offeredTo()).isEmpty();
	}

	@Test
	void sessionNeverHasMoreCallsThanItsLimit() {
		readyControl(this.sim, 24000, 3);
		for (int i = 0; i < 3; i++) {
			offer();
		}
		SimulatedCall fourth = this.sim.placeCall();
		this.sim.calls().get(0).hangUp();
		await().atMost(TIMEOUT).until(() -> fourth.sessionId() != null);
		assertThat(session(0).peakActiveCalls()).isEqualTo(3);
		assertThat(session(0).offeredCalls()).isEqualTo(4);
	}

	/** Sends {@code session.capacity} and waits until the simulator has read it. */
	private void reportCapacity(TestWebSocket control, int index, int available) {
		control.send("{\"type\":\"session.capacity\",\"available\":" + available + "}");
		await().atMost(TIMEOUT).until(() -> session(index).available() == available);
	}

	private SimulatedSession session(int index) {
		return this.sim.sessions().get(index);
	}

	/** Places a call and returns the session it was offered to. */
	private String offer() {
		SimulatedCall call = this.sim.placeCall();
		await().atMost(TIMEOUT).until(() -> call.sessionId() != null);
		return call.sessionId();
	}

}
