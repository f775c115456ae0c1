package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * The control or media connection fails (Python: {@code WSSConnectionError}).
 */
public class WssConnectionException extends WssException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssConnectionException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
