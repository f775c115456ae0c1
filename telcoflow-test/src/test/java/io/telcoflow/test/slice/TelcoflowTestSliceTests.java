package io.telcoflow.test.slice;

import java.time.Duration;

import io.telcoflow.client.TerminationReason;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.event.CallEndedEvent;
import io.telcoflow.spring.event.CallStartedEvent;
import io.telcoflow.spring.listener.IncomingCallEndpointRegistry;
import io.telcoflow.test.autoconfigure.TelcoflowTest;
import io.telcoflow.test.event.TelcoflowEventRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static io.telcoflow.test.assertj.TelcoflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TelcoflowTest @TelcoflowTest}: the handlers, the starter and an embedded
 * simulator, without the rest of the application; the starter's events are recorded.
 */
@TelcoflowTest(properties = "desk.name=front")
class TelcoflowTestSliceTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TelcoflowSimulator simulator;

	@Autowired
	private TelcoflowEventRecorder events;

	@Test
	void sliceHoldsTheHandlersAndNotTheRestOfTheApplication() {
		assertThat(this.context.getBeanNamesForType(FrontDeskHandler.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(SalesHandler.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(BillingService.class)).isEmpty();
		assertThat(this.context.getBean(IncomingCallEndpointRegistry.class).getEndpoints()).hasSize(2);
		// no full auto-configuration: nothing that a Telcoflow test does not need
		// (a @SpringBootTest of the same application would have Boot's applicationTaskExecutor)
		assertThat(this.context.containsBean("applicationTaskExecutor")).isFalse();
		assertThat(this.context.getBean(Environment.class).getProperty("desk.name")).isEqualTo("front");
	}

	@Test
	void callIsServedByTheHandlersAndItsEventsAreRecorded() {
		this.simulator.awaitReadySessions(1, WAIT);
		SimulatedCall call = this.simulator.placeCall(CallScript.defaults());
		call.awaitEnded(WAIT);
		assertThat(call).hasEndedWith(TerminationReason.DISCONNECTED).hasCommands("answer", "disconnect");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.events.stream(CallEndedEvent.class))
				.anySatisfy((ended) -> assertThat(ended.getCallId()).isEqualTo(call.callId())));
		assertThat(this.events.stream(CallStartedEvent.class)).extracting(CallStartedEvent::getCallId)
			.contains(call.callId());
	}

}
