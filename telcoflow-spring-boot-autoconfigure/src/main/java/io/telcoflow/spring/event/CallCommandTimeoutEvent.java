package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * No result for a call command within the command timeout
 * ({@link WssCallCommandTimeoutException}).
 */
public class CallCommandTimeoutEvent extends CallErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public CallCommandTimeoutEvent(TelcoflowClient client, WssCallCommandTimeoutException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssCallCommandTimeoutException getException() {
		return (WssCallCommandTimeoutException) super.getException();
	}

}
