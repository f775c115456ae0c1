package io.telcoflow.spring.event;

import java.io.Serial;
import java.util.Objects;

import io.telcoflow.client.TelcoflowClient;

/**
 * An incoming-call handler threw; its call is being ended per the configured handler-failure
 * action, and no other call is affected.
 */
public class HandlerFailedEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param failure what the handler threw
	 * @param callId the id of the handler's call
	 */
	public HandlerFailedEvent(TelcoflowClient client, Throwable failure, String callId) {
		super(client, failure, callId);
	}

	/**
	 * Returns the id of the handler's call.
	 * @return the call id
	 */
	@Override
	public String getCallId() {
		return Objects.requireNonNull(super.getCallId());
	}

}
