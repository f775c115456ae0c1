package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.BufferClosedException;
import org.jspecify.annotations.Nullable;

/**
 * Audio was written after a call's outgoing buffer closed ({@link BufferClosedException}),
 * typically because the caller hung up mid-response.
 */
public class BufferClosedEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public BufferClosedEvent(TelcoflowClient client, BufferClosedException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public BufferClosedException getException() {
		return (BufferClosedException) super.getException();
	}

}
