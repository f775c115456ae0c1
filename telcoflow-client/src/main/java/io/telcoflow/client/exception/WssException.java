package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Telcoflow SDK raises (Python: {@code WSSError}). Catch it to handle
 * any SDK error; catch a subclass when you need call- or buffer-level recovery.
 */
public class WssException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
