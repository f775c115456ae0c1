package io.telcoflow.spring.listener;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.HandlerFailureAction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Ends a call whose handler failed per a handler's own {@link HandlerFailureAction}, and waits
 * (boundedly) until the call is over, so that the client, which then learns of the failure, finds
 * the call ended and does not apply its own action as well.
 */
final class CallEnding {

	private static final Log logger = LogFactory.getLog(CallEnding.class);

	/** Longer than the server takes to confirm a close or disconnect; bounded, as the caller's thread waits. */
	static final Duration END_TIMEOUT = Duration.ofSeconds(10);

	private CallEnding() {
	}

	static void end(ActiveCall call, HandlerFailureAction action) {
		CompletableFuture<?> termination = call.terminationFuture();
		if (termination.isDone()) {
			return;
		}
		try {
			CompletableFuture<Void> ending = (action == HandlerFailureAction.CLOSE) ? call.closeAsync()
					: call.disconnectAsync();
			CompletableFuture.allOf(ending, termination).get(END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// the client's own action still ends the call
			logger.debug("Ending call " + call.getCallId() + " with " + action + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
