package io.telcoflow.spring.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorFaults;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control connection lost abruptly, drained by the server (1001), and refused with 503 on
 * reconnection: calls in progress go on unharmed (their media is independent), new calls are taken
 * once the client is back, and health goes DOWN while the client cannot reconnect and UP again
 * once it has.
 */
class ControlConnectionFaultTests {

	@RegisterExtension
	static final RunningApplication application = new RunningApplication(TestApplication.class,
			// a short grace period, so that the health goes DOWN soon after the connection is lost
			"management.health.telcoflow.disconnected-grace-period=1ms");

	private static final TelcoflowSimulator simulator = application.simulator();

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
		SimulatedCall live = simulator.placeCall(ReliabilityApplications.talkingCaller());
		live.awaitState("ANSWERED", ReliabilityApplications.WAIT);
		await().atMost(ReliabilityApplications.WAIT).until(() -> Echo.echoedBytes(live) > 0);
		String sessionBefore = simulator.sessions().get(0).id();
		StateRecorder.states.clear();
		fault.action().accept(simulator.faults());
		await().atMost(ReliabilityApplications.WAIT)
			.until(() -> simulator.sessions().stream().anyMatch((session) -> session.isReady()
					&& !session.id().equals(sessionBefore)));
		// Recorded by a client listener, so even the shortest outage is seen
		await().atMost(ReliabilityApplications.WAIT)
			.untilAsserted(() -> assertThat(StateRecorder.states)
				.containsSubsequence(ConnectionState.RECONNECTING, ConnectionState.READY)
				.last()
				.isEqualTo(ConnectionState.READY));
		assertThat(application.context().getBean(TelcoflowHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		assertLiveCallWentOnAndNewCallsAreTaken(live);
	}

	@Test
	void healthIsDownWhileReconnectionIsRefusedAndUpAgainOnceItSucceeds() {
		TelcoflowHealthIndicator health = application.context().getBean(TelcoflowHealthIndicator.class);
		SimulatedCall live = simulator.placeCall(ReliabilityApplications.talkingCaller());
		live.awaitState("ANSWERED", ReliabilityApplications.WAIT);
		await().atMost(ReliabilityApplications.WAIT).until(() -> Echo.echoedBytes(live) > 0);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		// Held down (every attempt refused) until the test has seen the health go DOWN: no race
		simulator.faults().refuseNextConnections(Integer.MAX_VALUE, 503);
		simulator.faults().dropControlConnections();
		await().atMost(ReliabilityApplications.WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
		long echoedWhileDown = Echo.echoedBytes(live);
		await().atMost(ReliabilityApplications.WAIT).until(() -> Echo.echoedBytes(live) > echoedWhileDown);
		simulator.faults().refuseNextConnections(0, 503);
		await().atMost(ReliabilityApplications.WAIT).until(() -> health.health().getStatus().equals(Status.UP));
		assertLiveCallWentOnAndNewCallsAreTaken(live);
	}

	private void assertLiveCallWentOnAndNewCallsAreTaken(SimulatedCall live) {
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
	@Import({ Echo.class, StateRecorder.class })
	static class TestApplication {

	}

	static class StateRecorder implements TelcoflowClientListener {

		static final List<ConnectionState> states = new CopyOnWriteArrayList<>();

		@Override
		public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
			states.add(current);
		}

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
