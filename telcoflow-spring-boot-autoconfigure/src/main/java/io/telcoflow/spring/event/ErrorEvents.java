package io.telcoflow.spring.event;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.client.exception.WssCallException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.client.exception.WssMediaException;
import org.jspecify.annotations.Nullable;

/**
 * Maps an SDK exception to the one {@link TelcoflowErrorEvent} of the most specific type.
 */
final class ErrorEvents {

	private ErrorEvents() {
	}

	static TelcoflowErrorEvent of(TelcoflowClient client, WssException ex, @Nullable String callId) {
		if (ex instanceof WssCallException callException) {
			return ofCall(client, callException, callId);
		}
		if (ex instanceof WssAuthenticationException authentication) {
			return new AuthenticationFailedEvent(client, authentication, callId);
		}
		if (ex instanceof WssMediaException media) {
			return new MediaErrorEvent(client, media, callId);
		}
		if (ex instanceof WssConnectionException connection) {
			return new ConnectionErrorEvent(client, connection, callId);
		}
		if (ex instanceof BufferFullException bufferFull) {
			return new BufferFullEvent(client, bufferFull, callId);
		}
		if (ex instanceof BufferClosedException bufferClosed) {
			return new BufferClosedEvent(client, bufferClosed, callId);
		}
		return new TelcoflowErrorEvent(client, ex, callId);
	}

	private static CallErrorEvent ofCall(TelcoflowClient client, WssCallException ex, @Nullable String callId) {
		if (ex instanceof WssCallCommandException command) {
			return new CallCommandFailedEvent(client, command, callId);
		}
		if (ex instanceof WssCallCommandTimeoutException timeout) {
			return new CallCommandTimeoutEvent(client, timeout, callId);
		}
		if (ex instanceof WssCallClosedException closed) {
			return new CallClosedErrorEvent(client, closed, callId);
		}
		return new CallErrorEvent(client, ex, callId);
	}

}
