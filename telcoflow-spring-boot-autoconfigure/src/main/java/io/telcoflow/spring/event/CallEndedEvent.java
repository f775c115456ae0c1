package io.telcoflow.spring.event;

import java.io.Serial;
import java.time.Duration;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TerminationReason;

/**
 * A call ended for the client; {@link #getOutcome()} says why.
 */
public class CallEndedEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Id of the call. */
	private final String callId;

	/** Why the call ended. */
	private final TerminationReason outcome;

	/** How long the call lasted, from the offer to the end. */
	private final Duration duration;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param callId the call's id
	 * @param outcome why the call ended
	 * @param duration from the offer to the end
	 */
	public CallEndedEvent(TelcoflowClient client, String callId, TerminationReason outcome, Duration duration) {
		super(client);
		this.callId = callId;
		this.outcome = outcome;
		this.duration = duration;
	}

	/**
	 * Returns the call's id.
	 * @return the id
	 */
	public String getCallId() {
		return this.callId;
	}

	/**
	 * Returns why the call ended.
	 * @return the termination reason
	 */
	public TerminationReason getOutcome() {
		return this.outcome;
	}

	/**
	 * Returns how long the call lasted, from the offer to the end.
	 * @return the duration
	 */
	public Duration getDuration() {
		return this.duration;
	}

	@Override
	public String toString() {
		return "CallEndedEvent[callId=" + this.callId + ", outcome=" + this.outcome + ", duration=" + this.duration
				+ "]";
	}

}
