package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * The media connection cannot be established, or dropped and could not be resumed within 5 s (Python: {@code WSSMediaError}). Ends the call; the audio stream raises it to its reader.
 */
public class WssMediaException extends WssException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public WssMediaException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public WssMediaException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
