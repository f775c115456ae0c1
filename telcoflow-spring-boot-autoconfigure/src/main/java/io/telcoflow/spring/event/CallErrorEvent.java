package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssCallException;
import org.jspecify.annotations.Nullable;

/**
 * A call-related exception ({@link WssCallException}); the base of the call error events.
 */
public class CallErrorEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public CallErrorEvent(TelcoflowClient client, WssCallException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	CallErrorEvent(TelcoflowClient client, Throwable exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssCallException getException() {
		return (WssCallException) super.getException();
	}

}
