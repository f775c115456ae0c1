package io.telcoflow.client.exception;

import org.jspecify.annotations.Nullable;

/**
 * The outgoing audio buffer cannot take the audio without exceeding its capacity (Python: {@code BufferFullError}). Nothing of the rejected chunk was buffered; recover where you call {@code sendAudio}: clear the buffer, or drop the chunk.
 */
public class BufferFullException extends WssException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public BufferFullException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure
	 */
	public BufferFullException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
