package io.telcoflow.client.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;

/**
 * Waits for futures on behalf of the blocking API, rethrowing the SDK's exception unchanged (it
 * was already reported when it was created).
 */
final class Futures {

	private Futures() {
	}

	static <T> T await(CompletableFuture<T> future, ClientListeners listeners, @Nullable ActiveCall call) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw listeners.error(new WssException("Interrupted while waiting for the Telcoflow server", ex), call);
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (CancellationException ex) {
			throw listeners.error(new WssException("Cancelled while waiting for the Telcoflow server", ex), call);
		}
	}

	static RuntimeException rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new WssException(String.valueOf(failure.getMessage()), failure);
	}

}
