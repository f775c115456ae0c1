package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Base of the call-related exceptions (Python: {@code WSSCallError}).
 */
public class WssCallException extends WssException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssCallException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssCallException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
