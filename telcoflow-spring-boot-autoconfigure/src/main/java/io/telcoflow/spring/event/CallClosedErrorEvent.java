package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssCallClosedException;
import org.jspecify.annotations.Nullable;

/**
 * An operation on a call that had already ended ({@link WssCallClosedException}).
 */
public class CallClosedErrorEvent extends CallErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public CallClosedErrorEvent(TelcoflowClient client, WssCallClosedException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssCallClosedException getException() {
		return (WssCallClosedException) super.getException();
	}

}
