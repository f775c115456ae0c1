package io.telcoflow.client;

import java.time.Duration;

import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;

/**
 * Client-level events, for monitoring (the Spring Boot starter turns them into events and
 * metrics). Methods may run on SDK threads, including a socket thread for the per-frame ones, so
 * they must be quick and must not block. A listener that throws is logged and ignored. Every method
 * does nothing by default.
 */
public interface TelcoflowClientListener {

	/**
	 * The control connection changed state.
	 * @param previous the state before
	 * @param current the state now
	 */
	default void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
	}

	/**
	 * A reconnect attempt was scheduled.
	 * @param attempt 1 for the first attempt after a loss
	 * @param delay the backoff delay before it
	 */
	default void onReconnectScheduled(int attempt, Duration delay) {
	}

	/**
	 * A call was offered by the server, before its media connection opens. Every call reported
	 * here is later reported to {@link #onCallEnded}, whether its media connection ever starts or
	 * not.
	 * @param call the call
	 */
	default void onCallOffered(ActiveCall call) {
	}

	/**
	 * A call was offered and its media connection opened; its handler starts now (this runs on the
	 * event thread, so the handler may already be running).
	 * @param call the call
	 */
	default void onCallStarted(ActiveCall call) {
	}

	/**
	 * The call's handler started running.
	 * @param call the call
	 * @param dispatchDelay time from the server's offer being received to the handler's entry
	 */
	default void onHandlerStarted(ActiveCall call, Duration dispatchDelay) {
	}

	/**
	 * A call ended.
	 * @param call the call
	 * @param reason why
	 * @param duration from the offer to the end
	 */
	default void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
	}

	/**
	 * A call command completed.
	 * @param call the call
	 * @param command the command name ({@code answer}, {@code connect}, ...)
	 * @param latency time from sending to the result
	 * @param errorCode {@code null} on success, the error code when rejected, {@code TIMEOUT} when
	 * no result came in time
	 */
	default void onCommandCompleted(ActiveCall call, String command, Duration latency, @Nullable String errorCode) {
	}

	/**
	 * An inbound audio frame arrived.
	 * @param call the call
	 * @param bytes its size
	 */
	default void onAudioReceived(ActiveCall call, int bytes) {
	}

	/**
	 * An outgoing audio frame left the buffer on the server's pull.
	 * @param call the call
	 * @param bytes its size
	 */
	default void onAudioSent(ActiveCall call, int bytes) {
	}

	/**
	 * An inbound frame was dropped because the call's audio reader was too slow.
	 * @param call the call
	 * @param bytes its size
	 */
	default void onInboundAudioDropped(ActiveCall call, int bytes) {
	}

	/**
	 * The SDK raised or reported an exception: to application code, to a call's listeners, or on a
	 * connection. Called exactly once per exception.
	 * @param error the exception
	 * @param call the call concerned, if any
	 */
	default void onError(WssException error, @Nullable ActiveCall call) {
	}

	/**
	 * An incoming-call handler threw; the call is being ended per {@link HandlerFailureAction}.
	 * @param call the call
	 * @param failure what the handler threw
	 */
	default void onHandlerFailed(ActiveCall call, Throwable failure) {
	}

	/**
	 * A frame from the server was dropped as a protocol error (malformed, unknown type, oversized,
	 * odd length, result for an unknown id); the connection is kept.
	 * @param call the call whose media connection it came on, or {@code null} for the control
	 * connection
	 * @param description what was wrong (no frame content beyond a short prefix)
	 */
	default void onProtocolError(@Nullable ActiveCall call, String description) {
	}

}
