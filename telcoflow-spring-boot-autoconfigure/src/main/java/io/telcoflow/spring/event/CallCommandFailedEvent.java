package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssCallCommandException;
import org.jspecify.annotations.Nullable;

/**
 * The server rejected a call command ({@link WssCallCommandException}); {@link #getErrorCode()}
 * says why, for example {@code CALL_UNANSWERED} after {@code connect}.
 */
public class CallCommandFailedEvent extends CallErrorEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public CallCommandFailedEvent(TelcoflowClient client, WssCallCommandException exception,
			@Nullable String callId) {
		super(client, exception, callId);
	}

	@Override
	public WssCallCommandException getException() {
		return (WssCallCommandException) super.getException();
	}

	/**
	 * Returns the name of the rejected command.
	 * @return the command, such as {@code connect}
	 */
	public String getCommand() {
		return getException().command();
	}

	/**
	 * Returns the server's error code.
	 * @return the error code, such as {@code CALL_UNANSWERED}
	 */
	public String getErrorCode() {
		return getException().errorCode();
	}

}
