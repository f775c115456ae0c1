package io.telcoflow.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One of two instances crashes (SIGKILL, no shutdown): the server stops offering it calls as soon
 * as its control connection is gone, the calls it had end (with reason {@code error}, once the
 * protocol's 5 s for resuming a media connection have passed), and the other instance's calls and
 * echo go on untouched.
 */
class CrashedInstanceTests {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private final EchoContinuity echo = new EchoContinuity();

	private final List<EchoProcess> processes = new ArrayList<>();

	@AfterEach
	void stop() {
		this.processes.forEach(EchoProcess::close);
	}

	@Test
	void crashEndsOnlyTheCrashedInstancesCallsAndItGetsNoMoreOffers() {
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder()
			.recordAgentAudio(false)
			.audioFrameObserver(this.echo)
			.build()
			.start()) {
			EchoProcess crashing = start("crashing", sim);
			EchoProcess surviving = start("surviving", sim);
			await().atMost(STARTUP).until(() -> crashing.isReady() && surviving.isReady());
			sim.awaitReadySessions(2, STARTUP);
			List<SimulatedCall> before = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				before.add(sim.placeCall(CallScript.builder().hangUpAfter(Duration.ofMinutes(5)).build()));
			}
			before.forEach((call) -> call.awaitState("ANSWERED", Duration.ofSeconds(60)));

			Instant killedAt = Instant.now();
			crashing.kill();
			await().atMost(Duration.ofSeconds(30)).until(() -> sim.sessions().size() == 1);
			SimulatedSession dead = sim.allSessions().stream().filter((s) -> !s.isOpen()).findFirst().orElseThrow();
			SimulatedSession alive = sim.sessions().get(0);
			List<SimulatedCall> lost = before.stream().filter((call) -> dead.id().equals(call.sessionId())).toList();
			List<SimulatedCall> kept = before.stream().filter((call) -> alive.id().equals(call.sessionId())).toList();
			assertThat(lost).isNotEmpty();
			assertThat(kept).isNotEmpty();

			List<SimulatedCall> after = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				after.add(sim.placeCall(CallScript.builder().hangUpAfter(Duration.ofSeconds(2)).build()));
			}
			lost.forEach((call) -> assertThat(call.awaitEnded(Duration.ofSeconds(30))).isEqualTo("error"));
			after.forEach((call) -> assertThat(call.awaitEnded(Duration.ofSeconds(60))).isEqualTo("caller_hangup"));
			assertThat(after).allSatisfy((call) -> assertThat(call.record().offeredTo()).containsExactly(alive.id()));
			assertThat(kept).allSatisfy((call) -> assertThat(call.isEnded()).isFalse());
			Instant lastLostEnd = lost.stream().map((call) -> call.record().endedAt()).max(Instant::compareTo).orElseThrow();
			System.out.println("Crash: control connection closed " + Duration.between(killedAt, dead.closedAt()).toMillis()
					+ " ms after SIGKILL; its " + lost.size() + " calls ended (error) within "
					+ Duration.between(killedAt, lastLostEnd).toMillis() + " ms; " + kept.size()
					+ " calls on the other instance went on");

			kept.forEach(SimulatedCall::hangUp);
			assertThat(kept).allSatisfy((call) -> {
				assertThat(call.awaitEnded(Duration.ofSeconds(10))).isEqualTo("caller_hangup");
				EchoContinuity.Track track = this.echo.track(call.callId());
				synchronized (call) {
					assertThat(track.interruption()).as("echo of %s: %s", call, track).isLessThanOrEqualTo(5);
				}
			});
			surviving.terminate();
			assertThat(surviving.awaitExit(Duration.ofSeconds(60))).hasValue(0);
			assertThat(crashing.awaitExit(Duration.ZERO)).hasValue(137);
		}
	}

	private EchoProcess start(String name, TelcoflowSimulator sim) {
		EchoProcess process = EchoProcess.start(name, sim, 80, Duration.ofSeconds(30), Path.of("target", "crash"));
		this.processes.add(process);
		return process;
	}

}
