package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * The control or a media connection failed ({@link WssConnectionException}).
 */
public class ConnectionErrorEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public ConnectionErrorEvent(TelcoflowClient client, WssConnectionException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssConnectionException getException() {
		return (WssConnectionException) super.getException();
	}

}
