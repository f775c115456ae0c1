package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * An operation on a call that has already ended (Python: {@code WSSCallClosedError}). Raised at once, without touching the network.
 */
public class WssCallClosedException extends WssCallException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssCallClosedException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssCallClosedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
