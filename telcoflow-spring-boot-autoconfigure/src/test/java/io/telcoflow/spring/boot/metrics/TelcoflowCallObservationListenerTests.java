package io.telcoflow.spring.boot.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.spring.event.CallHandlerSelectedListener.HandlerScope;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
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
	void callIsObservedFromTheOfferToTheEndWithOutcomeHandlerAndCallId() {
		ActiveCall call = call("call-1");
		this.listener.onCallOffered(call);
		assertThat(this.registry).hasObservationWithNameEqualTo("telcoflow.call")
			.that()
			.hasBeenStarted()
			.isNotStopped()
			// no handler is chosen at the offer: no tag rather than a wrong one
			.doesNotHaveLowCardinalityKeyValueWithKey("handler");
		this.listener.onCallStarted(call);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
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
			.hasLowCardinalityKeyValue("handler", "none")
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void handlerFailingAfterItsCallEndedIsStillTheObservationsError() {
		// the caller hung up while the handler ran; the handler then threw: the end is reported
		// before the failure
		ActiveCall call = call("call-8");
		IllegalStateException failure = new IllegalStateException("boom");
		this.listener.onCallOffered(call);
		this.listener.onCallStarted(call);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		HandlerScope scope = this.listener.openHandlerScope(call);
		assertThat(scope).isNotNull();
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		call.terminationFuture().complete(TerminationReason.CALLER_HANGUP);
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		scope.handlerFailed(failure);
		scope.close();
		this.listener.onHandlerFailed(call, failure);
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "CALLER_HANGUP")
			.hasLowCardinalityKeyValue("handler", "frontDesk.onCall")
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void callsTerminationCompletingBeforeTheHandlersFailureIsReportedKeepsTheError() {
		// the termination completes on another thread than the client's events: it may come before
		// onHandlerFailed and onCallEnded are delivered
		ActiveCall call = call("call-9");
		IllegalStateException failure = new IllegalStateException("boom");
		this.listener.onCallOffered(call);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		HandlerScope scope = this.listener.openHandlerScope(call);
		assertThat(scope).isNotNull();
		scope.handlerFailed(failure);
		call.terminationFuture().complete(TerminationReason.DISCONNECTED);
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		scope.close();
		this.listener.onHandlerFailed(call, failure);
		this.listener.onCallEnded(call, TerminationReason.DISCONNECTED, Duration.ofSeconds(1));
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "DISCONNECTED")
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void handlerStoppedByItsCallsEndDidNotFail() {
		ActiveCall call = call("call-10");
		given(call.getState()).willReturn(CallState.DISCONNECTED);
		this.listener.onCallOffered(call);
		HandlerScope scope = this.listener.openHandlerScope(call);
		assertThat(scope).isNotNull();
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		scope.handlerFailed(new WssCallClosedException("call ended"));
		scope.close();
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped().assertThatError().isNull();
	}

	@Test
	void callEndingWhileNoHandlerRunsStopsTheObservationAtOnce() {
		ActiveCall call = call("call-11");
		this.listener.onCallOffered(call);
		HandlerScope scope = this.listener.openHandlerScope(call);
		assertThat(scope).isNotNull();
		scope.close();
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
		assertThat(this.listener.openHandlerScope(call)).isNull();
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
	void handlerSelectedBeforeTheClientReportedTheCallIsStillItsHandler() {
		// the selection comes on the handler's thread, the offer and start on the client's event thread
		ActiveCall call = call("call-4");
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		this.listener.onCallOffered(call);
		this.listener.onCallStarted(call);
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		assertThat(this.registry).hasSingleObservationThat().hasLowCardinalityKeyValue("handler", "frontDesk.onCall");
	}

	@Test
	void handlerSelectionRacingTheCallsStartNeverLosesTheHandler() throws Exception {
		int calls = 500;
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < calls; i++) {
				ActiveCall call = call("race-" + i);
				CyclicBarrier barrier = new CyclicBarrier(2);
				Future<?> started = threads.submit(() -> {
					barrier.await();
					this.listener.onCallStarted(call);
					return null;
				});
				Future<?> selected = threads.submit(() -> {
					barrier.await();
					this.listener.onCallHandlerSelected(call, "sales.onCall");
					return null;
				});
				started.get();
				selected.get();
				this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("telcoflow.call", calls)
			.forAllObservationsWithNameEqualTo("telcoflow.call",
					(observation) -> observation.hasLowCardinalityKeyValue("outcome", "CALLER_HANGUP")
						.hasLowCardinalityKeyValue("handler", "sales.onCall"));
	}

	@Test
	void handlerSelectedAfterItsCallEndedIsObservedOnceAndStopped() {
		ActiveCall call = call("call-5");
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		call.terminationFuture().complete(TerminationReason.CALLER_HANGUP);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		assertThat(this.listener.openHandlerScope(call)).isNull();
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "CALLER_HANGUP")
			.hasLowCardinalityKeyValue("handler", "frontDesk.onCall");
	}

	@Test
	void callEndingWhileItsObservationStartsIsStoppedOnceItsTerminationCompletes() {
		// the end was reported (no observation yet), then the handler's thread starts one
		ActiveCall call = call("call-6");
		this.listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		call.terminationFuture().complete(TerminationReason.CALLER_HANGUP);
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "CALLER_HANGUP");
	}

	@Test
	void theHandlersScopeMakesTheCallsObservationTheParentOfWhatTheHandlerObserves() {
		ActiveCall call = call("call-7");
		this.listener.onCallOffered(call);
		this.listener.onCallHandlerSelected(call, "frontDesk.onCall");
		Observation child;
		try (HandlerScope scope = this.listener.openHandlerScope(call)) {
			assertThat(scope).isNotNull();
			Observation current = this.registry.getCurrentObservation();
			assertThat(current).isNotNull();
			assertThat(current.getContextView().getName()).isEqualTo("telcoflow.call");
			child = Observation.start("speech.synthesis", this.registry);
			child.stop();
		}
		assertThat(this.registry.getCurrentObservation()).isNull();
		assertThat(child.getContextView().getParentObservation()).isNotNull()
			.satisfies((parent) -> assertThat(parent.getContextView().getName()).isEqualTo("telcoflow.call"));
	}

	@Test
	void endOfUnknownCallIsIgnored() {
		this.listener.onCallEnded(call("never-started"), TerminationReason.ERROR, Duration.ZERO);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private static ActiveCall call(String id) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		given(call.terminationFuture()).willReturn(new CompletableFuture<>());
		return call;
	}

}
