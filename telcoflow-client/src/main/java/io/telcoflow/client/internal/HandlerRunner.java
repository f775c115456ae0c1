package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * and isolates a handler that throws: only its own call is ended. The thread is started when the
 * call is offered and runs the handler once the media connection has started (protocol: the
 * handler receives a call whose media connection is open).
 */
final class HandlerRunner {

	static final String HANDLER = "incoming-call handler";

	static final String AUDIO_LISTENER = "audio listener";

	private static final Logger logger = LoggerFactory.getLogger(HandlerRunner.class);

	private final @Nullable Executor callExecutor;

	private final ClientListeners listeners;

	private final HandlerFailureAction failureAction;

	private final Supplier<@Nullable IncomingCallHandler> handler;

	private final Duration mediaStartTimeout;

	/**
	 * Creates a runner.
	 * @param callExecutor runs the handlers, {@code null} for a new platform thread per call
	 * @param listeners the client's listeners
	 * @param failureAction how a call whose handler failed is ended
	 * @param handler the handler now
	 * @param mediaStartTimeout how long a prepared handler thread waits for its call's media
	 * connection at most (beyond the connection's own attempts and deadlines)
	 */
	HandlerRunner(@Nullable Executor callExecutor, ClientListeners listeners, HandlerFailureAction failureAction,
			Supplier<@Nullable IncomingCallHandler> handler, Duration mediaStartTimeout) {
		this.mediaStartTimeout = mediaStartTimeout;
		this.callExecutor = callExecutor;
		this.listeners = listeners;
		this.failureAction = failureAction;
		this.handler = handler;
	}

	/**
	 * Starts a call's handler thread when the call is offered (on an event loop, just after
	 * its media connection began to open), so that starting a thread overlaps the handshake instead
	 * of following it: the thread waits until the media connection has started, then runs the
	 * handler; if the call ends or its media connection fails first, the handler never runs.
	 * Whichever of this and {@link #mediaStarted} comes first starts the thread.
	 * @param call the offered call
	 */
	void prepare(DefaultActiveCall call) {
		if (!call.claimHandlerStart()) {
			return;
		}
		try {
			execute(call, () -> {
				if (awaitMediaStarted(call)) {
					run(call);
				}
			});
		}
		catch (RejectedExecutionException | OutOfMemoryError ex) {
			// no thread now (this is an event loop: nothing may escape): try again once the
			// media connection has started
			logger.debug("Call {}: no thread for its handler yet ({})", call.getCallId(), ex.toString());
			call.media().started().thenRun(() -> startNow(call));
		}
	}

	/**
	 * A call's media connection started (its reader thread): tells the listeners, and starts the
	 * handler if {@link #prepare} has not.
	 * @param call the call
	 */
	void mediaStarted(DefaultActiveCall call) {
		this.listeners.each((listener) -> listener.onCallStarted(call));
		if (call.claimHandlerStart()) {
			startNow(call);
		}
	}

	private void startNow(DefaultActiveCall call) {
		try {
			execute(call, () -> run(call));
		}
		catch (RejectedExecutionException ex) {
			failed(call, ex, HANDLER);
		}
	}

	private void execute(DefaultActiveCall call, Runnable task) {
		if (this.callExecutor != null) {
			this.callExecutor.execute(task);
		}
		else {
			SdkThreads.startCallThread(call.getCallId(), task);
		}
	}

	private boolean awaitMediaStarted(DefaultActiveCall call) {
		CompletableFuture<Object> startedOrEnded = CompletableFuture.anyOf(call.media().started(),
				call.terminationFuture());
		try {
			startedOrEnded.get(this.mediaStartTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			// the media connection failed for good: the call ends without its handler
		}
		catch (TimeoutException ex) {
			// the media connection has given up by now (its own deadline is the same); should it
			// start after all, the handler still runs, on a thread of its own
			logger.warn("Call {}: its media connection neither started nor failed within {}; its handler runs "
					+ "when it does", call.getCallId(), this.mediaStartTimeout);
			call.media().started().thenRun(() -> startNow(call));
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		return call.media().isStarted();
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
			logger.debug("The {} of call {} stopped after the call ended: {}", what, call.getCallId(), failure.toString());
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
