package io.telcoflow.spring.boot.metrics;

import io.micrometer.observation.Observation;
import io.telcoflow.client.TerminationReason;
import org.jspecify.annotations.Nullable;

/**
 * {@link Observation.Context} of one call, from its offer to its end.
 */
public class TelcoflowCallObservationContext extends Observation.Context {

	private final String callId;

	private volatile @Nullable String handler;

	private volatile @Nullable TerminationReason outcome;

	/**
	 * Creates a context.
	 * @param callId the call's id
	 */
	public TelcoflowCallObservationContext(String callId) {
		this.callId = callId;
	}

	/**
	 * Returns the call's id.
	 * @return the id
	 */
	public String getCallId() {
		return this.callId;
	}

	/**
	 * Returns the name of the handler that took the call.
	 * @return the handler's name, or {@code null} when not known
	 */
	public @Nullable String getHandler() {
		return this.handler;
	}

	/**
	 * Sets the name of the handler that took the call.
	 * @param handler the handler's name, such as {@code FrontDesk.onCall}
	 */
	public void setHandler(@Nullable String handler) {
		this.handler = handler;
	}

	/**
	 * Returns why the call ended.
	 * @return the termination reason, or {@code null} while the call is live
	 */
	public @Nullable TerminationReason getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets why the call ended.
	 * @param outcome the termination reason
	 */
	public void setOutcome(@Nullable TerminationReason outcome) {
		this.outcome = outcome;
	}

}
