package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssMediaException;
import org.jspecify.annotations.Nullable;

/**
 * A call's media connection could not be opened or dropped and could not be resumed
 * ({@link WssMediaException}); the call ends.
 */
public class MediaErrorEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public MediaErrorEvent(TelcoflowClient client, WssMediaException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssMediaException getException() {
		return (WssMediaException) super.getException();
	}

}
