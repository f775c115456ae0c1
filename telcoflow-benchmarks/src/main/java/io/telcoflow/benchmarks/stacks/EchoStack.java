package io.telcoflow.benchmarks.stacks;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket client stack under comparison. Each implementation opens connections without
 * blocking the caller and delivers every binary message to the {@link EchoEvents}.
 */
interface EchoStack extends AutoCloseable {

	/**
	 * Starts opening a connection; the future completes when the stack reports it open.
	 */
	CompletableFuture<EchoConnection> open(URI uri, EchoEvents events);

	@Override
	void close();

}
