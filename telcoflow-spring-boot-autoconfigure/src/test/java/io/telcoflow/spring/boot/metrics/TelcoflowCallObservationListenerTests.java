package io.telcoflow.spring.boot.metrics;

import java.time.Duration;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowCallObservationListener}.
 */
class TelcoflowCallObservationListenerTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final TelcoflowCallObservationListener listener = new TelcoflowCallObservationListener(this.registry,
			null);

	@Test
	void callIsObservedFromStartToEndWithOutcomeHandlerAndCallId() {
		ActiveCall call = call("call-1");
		this.listener.onCallStarted(call);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		assertThat(this.registry).hasObservationWithNameEqualTo("telcoflow.call")
			.that()
			.hasBeenStarted()
			.isNotStopped();
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(5));
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("telcoflow.call")
			.hasContextualNameEqualTo("telcoflow call")
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "CALLER_HANGUP")
			.hasLowCardinalityKeyValue("handler", "frontDesk.onCall")
			.hasHighCardinalityKeyValue("call.id", "call-1")
			.assertThatError()
			.isNull();
	}

	@Test
	void handlerFailureIsTheObservationsError() {
		ActiveCall call = call("call-2");
		IllegalStateException failure = new IllegalStateException("boom");
		this.listener.onCallStarted(call);
		this.listener.onHandlerFailed(call, failure);
		this.listener.onCallEnded(call, TerminationReason.DISCONNECTED, Duration.ofSeconds(1));
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "DISCONNECTED")
			.hasLowCardinalityKeyValue("handler", "unknown")
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void customConventionIsUsed() {
		TelcoflowCallObservationConvention custom = new TelcoflowCallObservationConvention() {

			@Override
			public String getName() {
				return "custom.call";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(TelcoflowCallObservationContext context) {
				return KeyValues.of("custom", "yes");
			}

		};
		TelcoflowCallObservationListener customized = new TelcoflowCallObservationListener(this.registry, custom);
		ActiveCall call = call("call-3");
		customized.onCallStarted(call);
		customized.onCallEnded(call, TerminationReason.CLOSED, Duration.ZERO);
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("custom.call")
			.hasLowCardinalityKeyValue("custom", "yes");
	}

	@Test
	void handlerSelectedBeforeTheObservationStartedIsStillItsHandler() {
		// the selection comes on the handler's thread, the start on the client's event thread
		ActiveCall call = call("call-4");
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		this.listener.onCallStarted(call);
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		assertThat(this.registry).hasSingleObservationThat().hasLowCardinalityKeyValue("handler", "frontDesk.onCall");
	}

	@Test
	void handlerSelectedAfterItsCallEndedLeavesNothingBehind() {
		ActiveCall call = call("call-5");
		this.listener.onCallStarted(call);
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		given(call.getState()).willReturn(CallState.DISCONNECTED);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		// a later call with the same id (a re-offer) starts clean: no handler left over
		this.listener.onCallStarted(call);
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		assertThat(this.registry).hasNumberOfObservationsEqualTo(2);
		assertThat(this.registry).forAllObservationsWithNameEqualTo("telcoflow.call",
				(observation) -> observation.hasLowCardinalityKeyValue("handler", "unknown"));
	}

	@Test
	void endOfUnknownCallIsIgnored() {
		this.listener.onCallEnded(call("never-started"), TerminationReason.ERROR, Duration.ZERO);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private static ActiveCall call(String id) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		return call;
	}

}
