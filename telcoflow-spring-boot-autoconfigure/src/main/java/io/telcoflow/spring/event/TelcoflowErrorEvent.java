package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;

/**
 * An exception reported by the Telcoflow SDK or thrown by an incoming-call handler. Exactly one
 * event is published per exception, of the most specific subclass that matches it:
 * <table>
 * <caption>Events by exception</caption>
 * <tr><th>exception</th><th>event</th></tr>
 * <tr><td>{@code WssConnectionException}</td><td>{@link ConnectionErrorEvent}</td></tr>
 * <tr><td>{@code WssAuthenticationException}</td><td>{@link AuthenticationFailedEvent}</td></tr>
 * <tr><td>{@code WssMediaException}</td><td>{@link MediaErrorEvent}</td></tr>
 * <tr><td>{@code BufferFullException}</td><td>{@link BufferFullEvent}</td></tr>
 * <tr><td>{@code BufferClosedException}</td><td>{@link BufferClosedEvent}</td></tr>
 * <tr><td>{@code WssCallException}</td><td>{@link CallErrorEvent}</td></tr>
 * <tr><td>{@code WssCallClosedException}</td><td>{@link CallClosedErrorEvent}</td></tr>
 * <tr><td>{@code WssCallCommandException}</td><td>{@link CallCommandFailedEvent}</td></tr>
 * <tr><td>{@code WssCallCommandTimeoutException}</td><td>{@link CallCommandTimeoutEvent}</td></tr>
 * <tr><td>any other {@code WssException}</td><td>{@code TelcoflowErrorEvent}</td></tr>
 * <tr><td>anything a handler throws</td><td>{@link HandlerFailedEvent}</td></tr>
 * </table>
 * A handler that lets an SDK exception escape causes two events: one for the SDK exception, when
 * the SDK raised it, and a {@link HandlerFailedEvent} for the handler's failure.
 * <p>
 * {@link #isExpected()} tells the ordinary end of a call from a failure: a
 * {@code BufferClosedException} or {@code WssCallClosedException} means the application wrote
 * audio or sent a command to a call that had just ended (typically the caller hung up during a
 * prompt).
 */
public class TelcoflowErrorEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The exception. */
	private final Throwable exception;

	/** Id of the call concerned, or {@code null} for a connection-level error. */
	private final @Nullable String callId;

	/**
	 * Creates an event for an SDK exception.
	 * @param client the client that reported it
	 * @param exception the exception
	 * @param callId the id of the call concerned, if any
	 */
	public TelcoflowErrorEvent(TelcoflowClient client, WssException exception, @Nullable String callId) {
		this(client, (Throwable) exception, callId);
	}

	TelcoflowErrorEvent(TelcoflowClient client, Throwable exception, @Nullable String callId) {
		super(client);
		this.exception = exception;
		this.callId = callId;
	}

	/**
	 * Returns the exception.
	 * @return the exception
	 */
	public Throwable getException() {
		return this.exception;
	}

	/**
	 * Returns the id of the call concerned.
	 * @return the call id, or {@code null} for a connection-level error
	 */
	public @Nullable String getCallId() {
		return this.callId;
	}

	/**
	 * Returns whether the exception is the expected end of a call rather than a failure: a
	 * {@code BufferClosedException} or {@code WssCallClosedException}, raised because the call
	 * had ended (typically the caller hung up) while the application was still writing audio or
	 * sending commands. Alerting should ignore expected errors.
	 * @return whether the error is expected
	 */
	public boolean isExpected() {
		return isExpected(this.exception);
	}

	/**
	 * Returns whether an exception means only that its call had ended, the rule behind
	 * {@link #isExpected()} and the {@code expected} tag of the {@code telcoflow.errors} counter.
	 * @param exception the exception
	 * @return whether it is a {@code BufferClosedException} or a {@code WssCallClosedException}
	 */
	public static boolean isExpected(Throwable exception) {
		return exception instanceof BufferClosedException || exception instanceof WssCallClosedException;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[callId=" + this.callId + ", exception="
				+ this.exception.getClass().getSimpleName() + "]";
	}

}
