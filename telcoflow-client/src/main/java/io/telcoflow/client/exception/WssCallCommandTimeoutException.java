package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * No result for a call command within the command timeout (Python: {@code WSSCallCommandTimeoutError}). A result that arrives later is dropped.
 */
public class WssCallCommandTimeoutException extends WssCallException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssCallCommandTimeoutException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssCallCommandTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
