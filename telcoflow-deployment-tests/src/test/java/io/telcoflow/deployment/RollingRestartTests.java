package io.telcoflow.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.simulator.CallRecord;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of an echo application, each its own JVM, on one simulator carry about 150
 * concurrent calls of 20 to 40 s that keep arriving; then a rolling restart, as Kubernetes does it
 * with {@code maxSurge: 1, maxUnavailable: 0}: a replacement starts and becomes ready, then one old
 * instance gets SIGTERM, drains and exits, and so on for each. No call may notice.
 * <p>
 * Sizes (docs/deployment.md has the measured run): calls arrive 5 a second and last 20 to 40 s
 * after they are answered, so about 150 are live at once; each instance takes at most
 * {@value #MAX_CALLS}, so two instances carry the load while the third drains. The drain timeout
 * is longer than the longest call, so every call ends by the caller hanging up.
 */
class RollingRestartTests {

	private static final int INSTANCES = 3;

	private static final int MAX_CALLS = 80;

	private static final Duration ARRIVAL_INTERVAL = Duration.ofMillis(200);

	private static final int SHORTEST_CALL_MS = 20_000;

	private static final int LONGEST_CALL_MS = 40_000;

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	/** 100 ms of echo, in frames of 20 ms. */
	private static final int MAX_INTERRUPTION_FRAMES = 5;

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private final Path logs = Path.of("target", "rolling-restart");

	private final EchoContinuity echo = new EchoContinuity();

	private final List<EchoProcess> processes = new ArrayList<>();

	private final Map<String, Object> figures = new LinkedHashMap<>();

	@Test
	void rollingRestartUnderLoadDropsAndInterruptsNoCall() throws IOException {
		long started = System.nanoTime();
		ScheduledExecutorService callers = Executors.newSingleThreadScheduledExecutor();
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder()
			.recordAgentAudio(false)
			.audioFrameObserver(this.echo)
			.build()
			.start()) {
			List<EchoProcess> running = new ArrayList<>();
			for (int i = 1; i <= INSTANCES; i++) {
				running.add(start("instance-" + i, sim));
			}
			await().atMost(STARTUP).until(() -> running.stream().allMatch(EchoProcess::isReady));
			List<SimulatedSession> originals = sim.awaitReadySessions(INSTANCES, STARTUP);
			this.figures.put("startup (s)", seconds(started));

			// Load: calls keep arriving until the last old instance has gone.
			Instant loadStart = Instant.now();
			Random random = new Random(16);
			callers.scheduleAtFixedRate(() -> sim.placeCall(CallScript.builder()
				.hangUpAfter(Duration.ofMillis(SHORTEST_CALL_MS + random.nextInt(LONGEST_CALL_MS - SHORTEST_CALL_MS + 1)))
				.build()), 0, ARRIVAL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			AtomicInteger peakLive = new AtomicInteger();
			await().atMost(Duration.ofSeconds(LONGEST_CALL_MS / 1000 + 30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> peakLive.accumulateAndGet(live(sim), Math::max) >= 135);
			Instant restartStart = Instant.now();
			this.figures.put("live calls when the restart began", live(sim));
			spreadWhileAllAreUp(sim, originals, loadStart, restartStart);

			List<SimulatedSession> drained = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				long stepStart = System.nanoTime();
				EchoProcess replacement = start("replacement-" + (i + 1), sim);
				int readyBefore = readySessions(sim);
				await().atMost(STARTUP)
					.pollInterval(Duration.ofMillis(250))
					.until(() -> replacement.isReady() && readySessions(sim) > readyBefore);
				double replacementReady = seconds(stepStart);
				EchoProcess old = running.get(i);
				old.terminate();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> originals.stream().anyMatch((s) -> s.isPaused() && !drained.contains(s)));
				SimulatedSession paused = originals.stream()
					.filter((s) -> s.isPaused() && !drained.contains(s))
					.findFirst()
					.orElseThrow();
				drained.add(paused);
				int draining = paused.activeCalls();
				OptionalInt exit = old.awaitExit(DRAIN_TIMEOUT.plusSeconds(30));
				peakLive.accumulateAndGet(live(sim), Math::max);
				this.figures.put(old.name() + ": replacement ready after (s)", replacementReady);
				this.figures.put(old.name() + ": calls when SIGTERM came", draining);
				this.figures.put(old.name() + ": SIGTERM to exit (s)", seconds(stepStart) - replacementReady);
				assertThat(exit).as("%s exited by itself after SIGTERM", old).isPresent();
			}
			Instant restartEnd = Instant.now();
			callers.shutdownNow();
			this.figures.put("restart (s)", Duration.between(restartStart, restartEnd).toMillis() / 1000.0);
			await().atMost(Duration.ofSeconds(LONGEST_CALL_MS / 1000 + 30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> sim.calls().stream().allMatch(SimulatedCall::isEnded));
			for (EchoProcess replacement : this.processes.subList(INSTANCES, this.processes.size())) {
				replacement.terminate();
			}
			for (EchoProcess replacement : this.processes.subList(INSTANCES, this.processes.size())) {
				assertThat(replacement.awaitExit(Duration.ofSeconds(60))).as("%s exited", replacement).isPresent();
			}
			this.figures.put("peak live calls", peakLive.get());
			this.figures.put("calls placed", sim.calls().size());
			this.figures.put("calls placed during the restart", sim.calls()
				.stream()
				.filter((call) -> call.record().offeredAt() != null && !call.record().offeredAt().isBefore(restartStart))
				.count());
			this.figures.put("whole test (s)", seconds(started));

			assertEveryCallAnsweredAndEndedByItsCaller(sim);
			assertNoEchoInterrupted(sim);
			assertNoInstanceAboveItsLimit(sim);
			assertPausedBeforeItClosed(drained);
			assertEveryProcessDrainedAndExitedWithZero(drained.size());
			assertThat(peakLive.get()).as("the load reached its shape").isGreaterThanOrEqualTo(135);
		}
		finally {
			callers.shutdownNow();
			this.processes.forEach(EchoProcess::close);
			writeFigures();
		}
	}

	private EchoProcess start(String name, TelcoflowSimulator sim) {
		EchoProcess process = EchoProcess.start(name, sim, MAX_CALLS, DRAIN_TIMEOUT, this.logs);
		this.processes.add(process);
		return process;
	}

	/** Offers while all three originals were up: each within 20 % of their mean. */
	private void spreadWhileAllAreUp(TelcoflowSimulator sim, List<SimulatedSession> originals, Instant from,
			Instant to) {
		Map<String, Long> offers = new LinkedHashMap<>();
		originals.forEach((session) -> offers.put(session.id(), 0L));
		for (SimulatedCall call : sim.calls()) {
			CallRecord record = call.record();
			Instant offeredAt = record.offeredAt();
			if (offeredAt != null && !offeredAt.isBefore(from) && offeredAt.isBefore(to)) {
				offers.computeIfPresent(record.offeredTo().get(0), (id, count) -> count + 1);
			}
		}
		this.figures.put("offers per instance while all three were up", offers.values());
		double mean = offers.values().stream().mapToLong(Long::longValue).average().orElse(0);
		assertThat(mean).isPositive();
		assertThat(offers.values()).allSatisfy((count) -> assertThat((double) count).isBetween(mean * 0.8, mean * 1.2));
	}

	private void assertEveryCallAnsweredAndEndedByItsCaller(TelcoflowSimulator sim) {
		List<SimulatedCall> calls = sim.calls();
		this.figures.put("calls offered more than once", calls.stream()
			.filter((call) -> call.record().offeredTo().size() > 1)
			.count());
		assertThat(calls).allSatisfy((call) -> {
			assertThat(call.record().states()).as("%s", call).contains("ANSWERED");
			assertThat(call.endReason()).as("why %s ended", call).isEqualTo("caller_hangup");
		});
	}

	private void assertNoEchoInterrupted(TelcoflowSimulator sim) {
		int longestBreak = 0;
		int longestArrivalGap = 0;
		int longestDelay = 0;
		int unanswered = 0;
		for (SimulatedCall call : sim.calls()) {
			EchoContinuity.Track track = this.echo.track(call.callId());
			assertThat(track).as("audio of %s", call).isNotNull();
			synchronized (call) {
				assertThat(track.echoed).as("echo of %s: %s", call, track).isPositive();
				assertThat(track.disordered).as("echo of %s: %s", call, track).isZero();
				assertThat(track.interruption()).as("echo of %s: %s", call, track)
					.isLessThanOrEqualTo(MAX_INTERRUPTION_FRAMES);
				longestBreak = Math.max(longestBreak, track.longestBreak);
				unanswered = Math.max(unanswered, track.unanswered());
				longestArrivalGap = Math.max(longestArrivalGap, track.longestArrivalGap);
				longestDelay = Math.max(longestDelay, track.longestDelay);
			}
		}
		this.figures.put("longest echo break (frames)", longestBreak);
		this.figures.put("most unanswered pulls of a call", unanswered);
		this.figures.put("longest run without an echo arriving (ticks, not asserted)", longestArrivalGap);
		this.figures.put("longest echo delay (ticks, not asserted)", longestDelay);
	}

	private void assertNoInstanceAboveItsLimit(TelcoflowSimulator sim) {
		List<Integer> sessionPeaks = sim.allSessions().stream().map(SimulatedSession::peakActiveCalls).toList();
		List<Integer> processPeaks = this.processes.stream().map(EchoProcess::peakCalls).toList();
		this.figures.put("offers per session (all)", sim.allSessions().stream().map(SimulatedSession::offeredCalls).toList());
		this.figures.put("peak calls per session (simulator)", sessionPeaks);
		this.figures.put("peak calls per instance (its own count)", processPeaks);
		assertThat(sessionPeaks).allSatisfy((peak) -> assertThat(peak).isLessThanOrEqualTo(MAX_CALLS));
		assertThat(processPeaks).allSatisfy((peak) -> assertThat(peak).isBetween(1, MAX_CALLS));
	}

	private void assertPausedBeforeItClosed(List<SimulatedSession> drained) {
		assertThat(drained).hasSize(INSTANCES).allSatisfy((session) -> {
			Instant pausedAt = session.pausedAt();
			assertThat(pausedAt).isNotNull();
			assertThat(session.closedAt()).isAfterOrEqualTo(pausedAt);
			assertThat(session.lastOfferedAt()).isBeforeOrEqualTo(pausedAt);
		});
	}

	private void assertEveryProcessDrainedAndExitedWithZero(int restarted) {
		assertThat(this.processes).hasSize(INSTANCES + restarted).allSatisfy((process) -> {
			assertThat(process.awaitExit(Duration.ZERO)).as("exit code of %s", process).hasValue(0);
			String log = process.log();
			assertThat(log).as("log of %s", process)
				.contains("Telcoflow: no new calls are offered;")
				.contains("Telcoflow client stopped in")
				.doesNotContain("call(s) still live after the drain timeout");
		});
		assertThat(this.processes.subList(0, INSTANCES))
			.allSatisfy((process) -> assertThat(process.log()).contains("live call(s) finishing"));
	}

	private static int live(TelcoflowSimulator sim) {
		return (int) sim.calls().stream().filter((call) -> !call.isEnded()).count();
	}

	private static int readySessions(TelcoflowSimulator sim) {
		return (int) sim.sessions().stream().filter(SimulatedSession::isReady).count();
	}

	private static double seconds(long since) {
		return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
	}

	private void writeFigures() throws IOException {
		StringBuilder out = new StringBuilder();
		this.figures.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
		Files.createDirectories(this.logs);
		Files.writeString(this.logs.resolve("figures.txt"), out, StandardCharsets.UTF_8);
		System.out.print(out);
	}

}
