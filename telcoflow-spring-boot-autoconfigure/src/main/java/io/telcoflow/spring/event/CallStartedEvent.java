package io.telcoflow.spring.event;

import java.io.Serial;
import java.time.Instant;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import org.jspecify.annotations.Nullable;

/**
 * A call was offered to the client and its media connection opened; its handler starts now (it
 * may already be running when the event is published).
 */
public class CallStartedEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Id of the call. */
	private final String callId;

	/** Caller's E.164 number, or {@code null} when withheld. */
	private final @Nullable String callerNumber;

	/** Number the caller dialled, or {@code null} when unknown. */
	private final @Nullable String calleeNumber;

	/** When the server offered the call. */
	private final Instant offeredAt;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param call the call
	 */
	public CallStartedEvent(TelcoflowClient client, ActiveCall call) {
		super(client);
		this.callId = call.getCallId();
		this.callerNumber = call.getCallerNumber();
		this.calleeNumber = call.getCalleeNumber();
		this.offeredAt = call.getOfferedAt();
	}

	/**
	 * Returns the call's id.
	 * @return the id
	 */
	public String getCallId() {
		return this.callId;
	}

	/**
	 * Returns the caller's number.
	 * @return the E.164 number, or {@code null} when withheld
	 */
	public @Nullable String getCallerNumber() {
		return this.callerNumber;
	}

	/**
	 * Returns the number the caller dialled.
	 * @return the E.164 number, or {@code null} when unknown
	 */
	public @Nullable String getCalleeNumber() {
		return this.calleeNumber;
	}

	/**
	 * Returns when the server offered the call.
	 * @return the offer time
	 */
	public Instant getOfferedAt() {
		return this.offeredAt;
	}

	@Override
	public String toString() {
		return "CallStartedEvent[callId=" + this.callId + "]";
	}

}
