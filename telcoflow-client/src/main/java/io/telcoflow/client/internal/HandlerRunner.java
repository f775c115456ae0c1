package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.telcoflow.client.HandlerFailureAction;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.WssCallClosedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each call's handler on the call executor (default: a new thread per call, named after it)
 * and isolates a handler that throws: only its own call is ended.
 */
final class HandlerRunner {

	static final String HANDLER = "incoming-call handler";

	static final String AUDIO_LISTENER = "audio listener";

	private static final Logger logger = LoggerFactory.getLogger(HandlerRunner.class);

	private final @Nullable Executor callExecutor;

	private final ClientListeners listeners;

	private final HandlerFailureAction failureAction;

	private final Supplier<@Nullable IncomingCallHandler> handler;

	HandlerRunner(@Nullable Executor callExecutor, ClientListeners listeners, HandlerFailureAction failureAction,
			Supplier<@Nullable IncomingCallHandler> handler) {
		this.callExecutor = callExecutor;
		this.listeners = listeners;
		this.failureAction = failureAction;
		this.handler = handler;
	}

	/**
	 * Starts the handler of a call whose media connection started (called on its reader thread).
	 * @param call the call
	 */
	void start(DefaultActiveCall call) {
		this.listeners.each((listener) -> listener.onCallStarted(call));
		Runnable task = () -> run(call);
		try {
			if (this.callExecutor != null) {
				this.callExecutor.execute(task);
			}
			else {
				SdkThreads.startCallThread(call.getCallId(), task);
			}
		}
		catch (RejectedExecutionException ex) {
			failed(call, ex, HANDLER);
		}
	}

	private void run(DefaultActiveCall call) {
		Duration delay = Duration.ofNanos(System.nanoTime() - call.receivedNanos());
		this.listeners.each((listener) -> listener.onHandlerStarted(call, delay));
		IncomingCallHandler current = this.handler.get();
		try {
			if (current == null) {
				throw new IllegalStateException("No incoming-call handler is set");
			}
			current.onIncomingCall(call);
		}
		catch (Throwable ex) {
			failed(call, ex, HANDLER);
		}
	}

	/**
	 * Ends a call whose application code failed, per the failure action; the expected race of a
	 * call that ended while its code was busy is not a failure.
	 * @param call the call
	 * @param failure what the code threw
	 * @param what the code, for the log: "incoming-call handler" or "audio listener"
	 */
	void failed(DefaultActiveCall call, Throwable failure, String what) {
		if (call.isEnded() && (failure instanceof WssCallClosedException || failure instanceof BufferClosedException)) {
			// the caller hung up while the handler was busy: the expected race, not a failure
			logger.debug("Handler of call {} stopped after the call ended: {}", call.getCallId(), failure.toString());
			return;
		}
		logger.warn("The {} of call {} failed; ending the call ({})", what, call.getCallId(), this.failureAction,
				failure);
		this.listeners.each((listener) -> listener.onHandlerFailed(call, failure));
		if (call.isEnded()) {
			return;
		}
		CompletableFuture<Void> ending = (this.failureAction == HandlerFailureAction.CLOSE) ? call.closeAsync()
				: call.disconnectAsync();
		ending.whenComplete((ignored, error) -> {
			if (error != null) {
				call.endLocally(TerminationReason.ERROR);
			}
		});
	}

}
