package io.telcoflow.spring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatedSession;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown with 20 live calls: readiness goes to REFUSING_TRAFFIC, {@code session.pause}
 * is sent, the calls that end within the drain timeout end normally, the rest are closed per
 * {@code telcoflow.shutdown.action} (their handlers see {@link BufferClosedException}), and the
 * context is closed within {@code spring.lifecycle.timeout-per-shutdown-phase}, leaving no
 * non-daemon thread of the client behind.
 */
class GracefulShutdownTests {

	private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(10);

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void liveCallsDrainThenTheRestAreClosedWithinThePhaseTimeout() throws Exception {
		// other test classes' cached application contexts may still run in this JVM
		Set<Thread> others = clientThreadsKeepingTheJvmAlive();
		ConfigurableApplicationContext context = ReliabilityApplications.start(TestApplication.class, simulator,
				"telcoflow.shutdown.drain-timeout=2s", "telcoflow.max-concurrent-calls=25",
				"spring.lifecycle.timeout-per-shutdown-phase=" + PHASE_TIMEOUT.toSeconds() + "s");
		SimulatedSession session = simulator.sessions().get(0);
		List<SimulatedCall> calls = IntStream.range(0, 20)
			.mapToObj((i) -> simulator.placeCall(ReliabilityApplications.talkingCaller()))
			.toList();
		calls.forEach((call) -> call.awaitState("ANSWERED", WAIT));
		ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
		await().atMost(WAIT).until(session::isPaused);
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		List<SimulatedCall> hangingUp = calls.subList(0, 10);
		List<SimulatedCall> staying = calls.subList(10, 20);
		hangingUp.forEach(SimulatedCall::hangUp);
		closing.get(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(hangingUp).allSatisfy((call) -> assertThat(call.awaitEnded(WAIT)).isEqualTo("caller_hangup"));
		assertThat(staying).allSatisfy((call) -> assertThat(call.awaitEnded(WAIT)).isEqualTo("closed"));
		assertThat(staying).allSatisfy((call) -> assertThat(Listener.afterTheEnd).containsEntry(call.callId(),
				BufferClosedException.class.getSimpleName()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(clientThreadsKeepingTheJvmAlive()).isSubsetOf(others));
	}

	private static Set<Thread> clientThreadsKeepingTheJvmAlive() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon() && thread.getName().startsWith("telcoflow-"))
			.collect(Collectors.toSet());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Listener.class)
	static class TestApplication {

	}

	static class Listener {

		static final Map<String, String> afterTheEnd = new ConcurrentHashMap<>();

		@OnIncomingCall
		void listen(ActiveCall call) {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				// listen until the call ends
			}
			try {
				call.sendAudio(new byte[960]);
				afterTheEnd.put(call.getCallId(), "nothing");
			}
			catch (BufferClosedException ex) {
				afterTheEnd.put(call.getCallId(), ex.getClass().getSimpleName());
			}
		}

	}

}
