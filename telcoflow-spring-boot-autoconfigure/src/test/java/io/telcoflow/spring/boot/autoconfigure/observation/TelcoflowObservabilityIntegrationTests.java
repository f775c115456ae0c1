package io.telcoflow.spring.boot.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import io.telcoflow.spring.boot.metrics.TelcoflowMetrics;
import io.telcoflow.spring.event.CallEndedEvent;
import io.telcoflow.spring.event.CallStartedEvent;
import io.telcoflow.spring.event.HandlerFailedEvent;
import io.telcoflow.spring.event.TelcoflowConnectedEvent;
import io.telcoflow.spring.event.TelcoflowConnectionLostEvent;
import io.telcoflow.spring.event.TelcoflowEvent;
import io.telcoflow.spring.event.TelcoflowReconnectedEvent;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events, meters and health of a real application taking calls from the simulator.
 */
@SpringBootTest(classes = TelcoflowObservabilityIntegrationTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "management.metrics.use-global-registry=false",
				"management.endpoints.web.exposure.include=health,telcoflow",
				"management.health.telcoflow.disconnected-grace-period=100ms", "telcoflow.reconnect.initial-delay=200ms",
				"telcoflow.reconnect.multiplier=1.0", "telcoflow.reconnect.max-delay=200ms" })
class TelcoflowObservabilityIntegrationTests {

	private static final String FAILING_CALLER = "+441632960666";

	private static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private TelcoflowHealthIndicator healthIndicator;

	@Autowired
	private RecordedEvents events;

	@Autowired
	private HealthContributorRegistry healthContributors;

	@Autowired
	private TelcoflowEndpoint endpoint;

	@DynamicPropertySource
	static void telcoflowProperties(DynamicPropertyRegistry registry) {
		SimulatorApplications.register(registry, simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void callsBecomeEventsAndMetersAndConnectionLossTakesHealthDownAndUp() {
		simulator.awaitReadySessions(1, TIMEOUT);
		assertThat(this.healthIndicator.health().getStatus()).isEqualTo(Status.UP);

		assertThat(this.healthContributors.getContributor("telcoflow")).isSameAs(this.healthIndicator);

		SimulatedCall answered = simulator
			.placeCall(CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(1))).build());
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.endpoint.telcoflow().calls()).singleElement().satisfies((call) -> {
				assertThat(call.id()).isEqualTo(answered.callId());
				assertThat(call.state()).isEqualTo("ANSWERED");
				assertThat(call.caller()).isEqualTo("*********0001");
			}));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(counter(TelcoflowMetrics.AUDIO_BYTES, "direction", "out")).isEqualTo(9600));
		answered.hangUp();
		assertThat(answered.awaitEnded(TIMEOUT)).isNotNull();
		SimulatedCall failing = simulator.placeCall(CallScript.builder().callerNumber(FAILING_CALLER).build());
		assertThat(failing.awaitEnded(TIMEOUT)).isNotNull();

		// the events, the meters and the calls' observations are recorded by different listeners,
		// on the client's event thread and the handlers' threads: each in its own time
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(this.events.ofType(CallEndedEvent.class)).hasSize(2);
			assertThat(this.events.ofType(HandlerFailedEvent.class)).singleElement()
				.satisfies((event) -> assertThat(event.getCallId()).isEqualTo(failing.callId()));
			assertThat(this.events.ofType(TelcoflowConnectedEvent.class)).hasSize(1);
			assertThat(this.events.ofType(CallStartedEvent.class)).extracting(CallStartedEvent::getCallId)
				.containsExactlyInAnyOrder(answered.callId(), failing.callId());
			assertThat(this.events.ofType(CallEndedEvent.class))
				.filteredOn((event) -> event.getCallId().equals(answered.callId()))
				.singleElement()
				.satisfies((event) -> assertThat(event.getOutcome().name()).isEqualTo("CALLER_HANGUP"));

			assertThat(counter(TelcoflowMetrics.CALLS, "outcome", "CALLER_HANGUP")).isOne();
			// one timer of calls, the observation's: every call, each with the handler that took it
			assertThat(this.meterRegistry.find("telcoflow.call.duration").meters()).isEmpty();
			assertThat(this.meterRegistry.get("telcoflow.call").timers()).allSatisfy(
					(timer) -> assertThat(timer.getId().getTag("handler")).matches(".*\\.(answer|fail)"))
				.extracting((timer) -> timer.count())
				.containsOnly(1L)
				.hasSize(2);
			assertThat(this.meterRegistry.get(TelcoflowMetrics.HANDLER_DISPATCH).timer().count()).isEqualTo(2);
			assertThat(this.meterRegistry.get(TelcoflowMetrics.COMMANDS)
				.tag("command", "answer")
				.tag("outcome", "SUCCESS")
				.timer()
				.count()).isOne();
			assertThat(counter(TelcoflowMetrics.AUDIO_BYTES, "direction", "in")).isPositive();
			assertThat(counter(TelcoflowMetrics.AUDIO_BYTES, "direction", "out")).isEqualTo(9600);
			assertThat(this.meterRegistry.get(TelcoflowMetrics.ERRORS)
				.tag("exception", "IllegalStateException")
				.tag("source", "handler")
				.counter()
				.count()).isOne();
			assertThat(this.meterRegistry.get(TelcoflowMetrics.CALLS_ACTIVE).gauge().value()).isZero();
			assertThat(this.meterRegistry.get("telcoflow.call")
				.tag("outcome", "CALLER_HANGUP")
				.tag("error", "none")
				.timer()
				.count()).as("timer of the per-call observation").isOne();
			assertThat(this.meterRegistry.get("telcoflow.call")
				.tag("error", "IllegalStateException")
				.timer()
				.count()).isOne();
		});
		assertThat(gauge(TelcoflowMetrics.CONNECTION_STATE, "state", "READY")).isOne();

		// refused until health was seen DOWN: a fixed number of refusals is a window that a busy
		// machine's polling can miss
		simulator.faults().refuseNextConnections(Integer.MAX_VALUE);
		simulator.faults().dropControlConnections();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.healthIndicator.health().getStatus()).isEqualTo(Status.DOWN));
		simulator.faults().refuseNextConnections(0);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.healthIndicator.health().getStatus()).isEqualTo(Status.UP));
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(this.events.ofType(TelcoflowConnectionLostEvent.class)).hasSize(1);
			assertThat(this.events.ofType(TelcoflowReconnectedEvent.class)).hasSize(1);
		});
		assertThat(this.meterRegistry.get(TelcoflowMetrics.RECONNECTS).counter().count()).isGreaterThanOrEqualTo(1);
	}

	private double counter(String name, String tag, String value) {
		return this.meterRegistry.get(name).tag(tag, value).counter().count();
	}

	private double gauge(String name, String tag, String value) {
		return this.meterRegistry.get(name).tag(tag, value).gauge().value();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Handlers.class, RecordedEvents.class })
	static class TestApplication {

	}

	static class Handlers {

		@OnIncomingCall(condition = "callerNumber == '" + FAILING_CALLER + "'")
		void fail(ActiveCall call) {
			throw new IllegalStateException("handler failed on purpose");
		}

		@OnIncomingCall
		void answer(ActiveCall call) {
			call.answer();
			call.sendAudio(new byte[9600]);
			for (byte[] chunk : call.audioStream()) {
				// read until the caller hangs up
			}
		}

	}

	static class RecordedEvents {

		private final List<TelcoflowEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TelcoflowEvent event) {
			this.events.add(event);
		}

		<T extends TelcoflowEvent> List<T> ofType(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
