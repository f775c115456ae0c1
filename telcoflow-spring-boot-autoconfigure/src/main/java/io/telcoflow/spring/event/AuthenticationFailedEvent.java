package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * The server refused the API key or client certificate ({@link WssAuthenticationException}). It is
 * also the lifecycle event for a client that ends in {@code AUTHENTICATION_FAILED}: the client does
 * not reconnect by itself after it.
 */
public class AuthenticationFailedEvent extends TelcoflowErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public AuthenticationFailedEvent(TelcoflowClient client, WssAuthenticationException exception, @Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssAuthenticationException getException() {
		return (WssAuthenticationException) super.getException();
	}

}
