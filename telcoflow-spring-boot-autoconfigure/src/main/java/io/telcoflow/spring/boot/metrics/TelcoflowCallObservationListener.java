package io.telcoflow.spring.boot.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
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
 * The client's events come on its event thread, the handler's selection on the call's thread, in
 * either order: whichever comes first starts the observation, and it is stopped exactly once, when
 * the call ends.
 */
public class TelcoflowCallObservationListener implements TelcoflowClientListener, CallHandlerSelectedListener {

	private final ObservationRegistry registry;

	private final @Nullable TelcoflowCallObservationConvention convention;

	private final Map<String, Observation> observations = new ConcurrentHashMap<>();

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
	 * @return the scope, closed by the dispatcher when the handler returns; {@code null} when the
	 * call is already over
	 */
	@Override
	public @Nullable HandlerScope openHandlerScope(ActiveCall call) {
		Observation observation = this.observations.get(call.getCallId());
		if (observation == null) {
			return null;
		}
		Observation.Scope scope = observation.openScope();
		return scope::close;
	}

	@Override
	public void onHandlerFailed(ActiveCall call, Throwable failure) {
		Observation observation = this.observations.get(call.getCallId());
		if (observation != null) {
			observation.error(failure);
		}
	}

	@Override
	public void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
		stop(call.getCallId(), reason);
	}

	private void observe(ActiveCall call, @Nullable String handler) {
		boolean[] started = new boolean[1];
		Observation observation = this.observations.computeIfAbsent(call.getCallId(), (id) -> {
			started[0] = true;
			return start(id);
		});
		if (handler != null && observation.getContext() instanceof TelcoflowCallObservationContext context) {
			context.setHandler(handler);
		}
		CompletableFuture<TerminationReason> termination = call.terminationFuture();
		if (started[0] && termination != null) {
			// The end may have been reported before this thread started the observation; the
			// call's termination completes after onCallEnded, so one of the two stops it
			termination.thenAccept((reason) -> stop(call.getCallId(), reason));
		}
	}

	private Observation start(String callId) {
		TelcoflowCallObservationContext context = new TelcoflowCallObservationContext(callId);
		return TelcoflowCallObservation.CALL
			.observation(this.convention, DefaultTelcoflowCallObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
	}

	private void stop(String callId, TerminationReason reason) {
		Observation observation = this.observations.remove(callId);
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof TelcoflowCallObservationContext context) {
			context.setOutcome(reason);
		}
		observation.stop();
	}

}
