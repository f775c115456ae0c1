package io.telcoflow.spring.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorFaults;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control connection lost abruptly, drained by the server (1001), and refused with 503 on
 * reconnection: calls in progress go on unharmed (their media is independent), new calls are taken
 * once the client is back, and health goes DOWN and then UP again.
 */
class ControlConnectionFaultTests {

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void startApplication() {
		// Without a grace period, even the shortest outage shows in the health.
		context = ReliabilityApplications.start(TestApplication.class, simulator,
				"telcoflow.health.disconnected-grace-period=1ms");
	}

	@AfterAll
	static void stop() {
		context.close();
		simulator.close();
	}

	@AfterEach
	void reset() {
		simulator.faults().reset();
		simulator.calls().forEach(SimulatedCall::hangUp);
	}

	static List<Fault> faults() {
		return List.of(new Fault("abrupt loss", SimulatorFaults::dropControlConnections),
				new Fault("draining with 1001", (faults) -> faults.drainControlConnections(java.time.Duration.ofMillis(300))),
				new Fault("abrupt loss, then 503 three times", (faults) -> {
					faults.refuseNextConnections(3, 503);
					faults.dropControlConnections();
				}));
	}

	@ParameterizedTest
	@MethodSource("faults")
	void liveCallGoesOnAndNewCallsAreTakenAfterReconnection(Fault fault) {
		TelcoflowHealthIndicator health = context.getBean(TelcoflowHealthIndicator.class);
		SimulatedCall live = simulator.placeCall(ReliabilityApplications.talkingCaller());
		live.awaitState("ANSWERED", ReliabilityApplications.WAIT);
		await().atMost(ReliabilityApplications.WAIT).until(() -> Echo.echoedBytes(live) > 0);
		String sessionBefore = simulator.sessions().get(0).id();
		List<Status> statuses = new CopyOnWriteArrayList<>();
		ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
		try {
			watcher.scheduleWithFixedDelay(() -> {
				Status status = health.health().getStatus();
				if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
					statuses.add(status);
				}
			}, 0, 10, TimeUnit.MILLISECONDS);
			fault.action().accept(simulator.faults());
			await().atMost(ReliabilityApplications.WAIT)
				.until(() -> simulator.sessions().stream().anyMatch((session) -> session.isReady()
						&& !session.id().equals(sessionBefore)));
			await().atMost(ReliabilityApplications.WAIT)
				.untilAsserted(() -> assertThat(statuses).containsSubsequence(Status.UP, Status.DOWN, Status.UP)
					.last()
					.isEqualTo(Status.UP));
		}
		finally {
			watcher.shutdownNow();
		}
		long echoedDuringTheFault = Echo.echoedBytes(live);
		await().atMost(ReliabilityApplications.WAIT).until(() -> Echo.echoedBytes(live) > echoedDuringTheFault);
		assertThat(live.isEnded()).isFalse();
		assertThat(live.record().mediaConnections()).isOne();
		SimulatedCall next = simulator.placeCall(ReliabilityApplications.talkingCaller());
		next.awaitState("ANSWERED", ReliabilityApplications.WAIT);
		live.hangUp();
		next.hangUp();
		assertThat(live.awaitEnded(ReliabilityApplications.WAIT)).isEqualTo("caller_hangup");
		assertThat(next.awaitEnded(ReliabilityApplications.WAIT)).isEqualTo("caller_hangup");
		assertThat(Echo.failures).isEmpty();
	}

	record Fault(String name, Consumer<SimulatorFaults> action) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Echo.class)
	static class TestApplication {

	}

	static class Echo {

		static final Map<String, Throwable> failures = new ConcurrentHashMap<>();

		static long echoedBytes(SimulatedCall call) {
			return call.record().agentAudioBytes();
		}

		@OnIncomingCall
		void echo(ActiveCall call) {
			call.answer();
			try {
				for (byte[] chunk : call.audioStream()) {
					call.sendAudio(chunk);
				}
			}
			catch (BufferClosedException ex) {
				// the caller hung up between a chunk and its echo: the expected end
			}
			catch (RuntimeException ex) {
				failures.put(call.getCallId(), ex);
			}
		}

	}

}
