package io.telcoflow.spring.boot.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.spring.event.CallHandlerSelectedListener;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TelcoflowClientListener} that records one {@link TelcoflowCallObservation#CALL}
 * observation per call: started when the call is offered, stopped when it ends, with the handler's
 * failure as its error, the {@link TerminationReason} as its {@code outcome}, and the handler
 * reported through {@link CallHandlerSelectedListener} as its {@code handler}. The observation is
 * opened as a scope around the handler on the call's thread, so the handler's logs and the spans
 * of what it calls (speech, language models, HTTP) belong to the call's trace.
 * <p>
 * The client's events come on its event thread, the handler's selection and scope on the call's
 * thread, in either order: whichever comes first starts the observation. It is stopped exactly
 * once, when the call has ended and the handler's scope is closed, so that a handler which throws
 * after its call ended (the caller hung up meanwhile) still leaves its failure on the observation:
 * the dispatcher reports the failure to the scope before closing it.
 */
public class TelcoflowCallObservationListener implements TelcoflowClientListener, CallHandlerSelectedListener {

	private final ObservationRegistry registry;

	private final @Nullable TelcoflowCallObservationConvention convention;

	private final Map<String, CallObservation> observations = new ConcurrentHashMap<>();

	/**
	 * Creates a listener.
	 * @param registry the registry to record the observations in
	 * @param convention a custom convention, or {@code null} for the default one
	 */
	public TelcoflowCallObservationListener(ObservationRegistry registry,
			@Nullable TelcoflowCallObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public void onCallOffered(ActiveCall call) {
		observe(call, null);
	}

	@Override
	public void onCallStarted(ActiveCall call) {
		observe(call, null);
	}

	/**
	 * Records which handler took a call, as the observation's {@code handler} key.
	 * @param call the call
	 * @param handler the handler's name, such as {@code frontDesk.onCall}
	 */
	@Override
	public void onCallHandlerSelected(ActiveCall call, String handler) {
		observe(call, handler);
	}

	/**
	 * Opens the call's observation as the current one on the handler's thread.
	 * @param call the call
	 * @return the scope, closed by the dispatcher when the handler returns or throws (then it
	 * stops the observation if the call has ended); {@code null} when the call is already over
	 */
	@Override
	public @Nullable HandlerScope openHandlerScope(ActiveCall call) {
		CallObservation observed = this.observations.get(call.getCallId());
		if (observed == null || !observed.handlerEntered()) {
			return null;
		}
		Observation.Scope scope = observed.observation.openScope();
		return new HandlerScope() {

			@Override
			public void handlerFailed(Throwable failure) {
				// as the client: a handler stopped by its call's end (the caller hung up while it
				// was busy) did not fail
				boolean stoppedByTheEnd = (failure instanceof WssCallClosedException
						|| failure instanceof BufferClosedException) && call.getState() == CallState.DISCONNECTED;
				if (!stoppedByTheEnd) {
					observed.observation.error(failure);
				}
			}

			@Override
			public void close() {
				scope.close();
				if (observed.handlerLeft()) {
					stop(observed);
				}
			}

		};
	}

	@Override
	public void onHandlerFailed(ActiveCall call, Throwable failure) {
		CallObservation observed = this.observations.get(call.getCallId());
		if (observed != null) {
			observed.observation.error(failure);
		}
	}

	@Override
	public void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
		ended(call.getCallId(), reason);
	}

	private void observe(ActiveCall call, @Nullable String handler) {
		boolean[] started = new boolean[1];
		CallObservation observed = this.observations.computeIfAbsent(call.getCallId(), (id) -> {
			started[0] = true;
			return new CallObservation(id, start(id));
		});
		if (handler != null && observed.observation.getContext() instanceof TelcoflowCallObservationContext context) {
			context.setHandler(handler);
		}
		CompletableFuture<TerminationReason> termination = call.terminationFuture();
		if (started[0] && termination != null) {
			// The end may have been reported before this thread started the observation (or never
			// be, for a call whose media connection did not start); the call's termination
			// completes after onCallEnded, so one of the two ends it. It completes on another
			// thread than the client's events, perhaps before onHandlerFailed is delivered: the
			// handler's failure reaches the observation through its scope, which holds the stop
			termination.thenAccept((reason) -> ended(call.getCallId(), reason));
		}
	}

	private Observation start(String callId) {
		TelcoflowCallObservationContext context = new TelcoflowCallObservationContext(callId);
		return TelcoflowCallObservation.CALL
			.observation(this.convention, DefaultTelcoflowCallObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
	}

	private void ended(String callId, TerminationReason reason) {
		CallObservation observed = this.observations.get(callId);
		if (observed != null && observed.ended(reason)) {
			stop(observed);
		}
	}

	private void stop(CallObservation observed) {
		if (!this.observations.remove(observed.callId, observed)) {
			return;
		}
		if (observed.observation.getContext() instanceof TelcoflowCallObservationContext context) {
			context.setOutcome(observed.outcome);
		}
		observed.observation.stop();
	}

	/**
	 * One call's observation, stopped once the call has ended and no handler is inside its scope.
	 */
	private static final class CallObservation {

		private final String callId;

		private final Observation observation;

		private int handlersInside;

		private @Nullable TerminationReason outcome;

		CallObservation(String callId, Observation observation) {
			this.callId = callId;
			this.observation = observation;
		}

		/**
		 * A handler enters the scope.
		 * @return whether the call is still live (a scope is opened)
		 */
		synchronized boolean handlerEntered() {
			if (this.outcome != null) {
				return false;
			}
			this.handlersInside++;
			return true;
		}

		/**
		 * A handler left the scope.
		 * @return whether the observation is to be stopped now
		 */
		synchronized boolean handlerLeft() {
			this.handlersInside--;
			return this.handlersInside == 0 && this.outcome != null;
		}

		/**
		 * The call ended.
		 * @param reason why
		 * @return whether the observation is to be stopped now
		 */
		synchronized boolean ended(TerminationReason reason) {
			if (this.outcome != null) {
				return false;
			}
			this.outcome = reason;
			return this.handlersInside == 0;
		}

	}

}
