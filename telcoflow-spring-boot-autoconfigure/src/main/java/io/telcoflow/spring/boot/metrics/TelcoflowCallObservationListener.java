package io.telcoflow.spring.boot.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.spring.event.CallHandlerSelectedListener;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TelcoflowClientListener} that records one {@link TelcoflowCallObservation#CALL}
 * observation per call: started when the call is offered, stopped when it ends, with the handler's
 * failure as its error, the {@link TerminationReason} as its {@code outcome}, and the handler
 * reported through {@link CallHandlerSelectedListener} as its {@code handler}.
 * <p>
 * The observation is not opened as a scope on the handler's thread (the client reports no
 * handler exit), so spans the handler creates are not its children.
 */
public class TelcoflowCallObservationListener implements TelcoflowClientListener, CallHandlerSelectedListener {

	private final ObservationRegistry registry;

	private final @Nullable TelcoflowCallObservationConvention convention;

	private final Map<String, Observation> observations = new ConcurrentHashMap<>();

	/**
	 * Handlers selected before their call's observation was started: the selection comes on the
	 * handler's thread, the start on the client's event thread, in either order.
	 */
	private final Map<String, String> earlySelections = new ConcurrentHashMap<>();

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
	public void onCallStarted(ActiveCall call) {
		TelcoflowCallObservationContext context = new TelcoflowCallObservationContext(call.getCallId());
		String handler = this.earlySelections.remove(call.getCallId());
		if (handler != null) {
			context.setHandler(handler);
		}
		Observation observation = TelcoflowCallObservation.CALL.observation(this.convention,
				DefaultTelcoflowCallObservationConvention.INSTANCE, () -> context, this.registry);
		this.observations.put(call.getCallId(), observation.start());
	}

	/**
	 * Records which handler took a call, as the observation's {@code handler} key.
	 * @param call the call
	 * @param handler the handler's name, such as {@code frontDesk.onCall}
	 */
	@Override
	public void onCallHandlerSelected(ActiveCall call, String handler) {
		if (setHandler(this.observations.get(call.getCallId()), handler)) {
			return;
		}
		this.earlySelections.put(call.getCallId(), handler);
		// started meanwhile, or already over (its end may have been handled): take it back
		Observation started = this.observations.get(call.getCallId());
		if (started != null || call.getState() == CallState.DISCONNECTED) {
			String early = this.earlySelections.remove(call.getCallId());
			if (early != null) {
				setHandler(started, early);
			}
		}
	}

	private static boolean setHandler(@Nullable Observation observation, String handler) {
		if (observation != null && observation.getContext() instanceof TelcoflowCallObservationContext context) {
			context.setHandler(handler);
			return true;
		}
		return false;
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
		this.earlySelections.remove(call.getCallId());
		Observation observation = this.observations.remove(call.getCallId());
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof TelcoflowCallObservationContext context) {
			context.setOutcome(reason);
		}
		observation.stop();
	}

}
