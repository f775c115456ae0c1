package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * Audio was written after the outgoing buffer closed, because the call ended (Python: {@code BufferClosedError}). Expect it when the caller hangs up mid-response.
 */
public class BufferClosedException extends WssException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public BufferClosedException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public BufferClosedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
