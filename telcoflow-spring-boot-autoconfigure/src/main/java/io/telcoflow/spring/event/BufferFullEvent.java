package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.BufferFullException;
import org.jspecify.annotations.Nullable;

/**
 * Audio did not fit into a call's outgoing buffer ({@link BufferFullException}).
 */
public class BufferFullEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public BufferFullEvent(TelcoflowClient client, BufferFullException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public BufferFullException getException() {
		return (BufferFullException) super.getException();
	}

}
