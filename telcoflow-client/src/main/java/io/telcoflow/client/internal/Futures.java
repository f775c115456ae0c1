package io.telcoflow.client.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.telcoflow.client.exception.WssException;

/**
 * Waits for futures on behalf of the blocking API, rethrowing the SDK's exception unchanged (it
 * was already reported when it was created).
 */
final class Futures {

	private Futures() {
	}

	static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WssException("Interrupted while waiting for the Telcoflow server", ex);
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new WssException("Cancelled", ex);
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
