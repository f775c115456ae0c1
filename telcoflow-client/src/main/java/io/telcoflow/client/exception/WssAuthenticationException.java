package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * API key or mTLS authentication fails: the server answered 401 or 403, or aborted the TLS handshake because of the client certificate (Python: {@code WSSAuthenticationError}). The client does not reconnect by itself after it.
 */
public class WssAuthenticationException extends WssException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssAuthenticationException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssAuthenticationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
