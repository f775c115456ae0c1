package io.telcoflow.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssConnectionException;

/**
 * The Telcoflow client (Python: {@code TelcoflowClient}): one control connection, over which the
 * server offers calls, and one media connection per call.
 * <p>
 * Typical use:
 * <pre>{@code
 * TelcoflowClient client = TelcoflowClient.create(config);
 * client.onIncomingCall(call -> { call.answer(); ... });
 * client.connect();   // open the control connection
 * client.ready();     // now calls are offered
 * client.awaitClosed();
 * }</pre>
 * After a lost connection the client reconnects with backoff and declares itself ready again;
 * calls in progress keep their media connections. Thread-safe.
 */
public interface TelcoflowClient extends AutoCloseable {

	/**
	 * Creates a client with default collaborators.
	 * @param config the configuration
	 * @return a client in state {@link ConnectionState#NEW}
	 */
	static TelcoflowClient create(TelcoflowConfig config) {
		return builder(config).build();
	}

	/**
	 * Starts a builder, for a client with its own executor or listeners.
	 * @param config the configuration
	 * @return the builder
	 */
	static Builder builder(TelcoflowConfig config) {
		return new io.telcoflow.client.internal.DefaultTelcoflowClientBuilder(config);
	}

	/**
	 * Sets the handler of incoming calls; must be set before {@link #ready()}.
	 * @param handler the handler
	 */
	void onIncomingCall(IncomingCallHandler handler);

	/**
	 * Opens the control connection and waits for the server's welcome.
	 * @throws WssAuthenticationException when the credentials are refused
	 * @throws WssConnectionException when the server cannot be reached; the client then keeps
	 * reconnecting in the background
	 */
	void connect();

	/**
	 * Asynchronous {@link #connect()}.
	 * @return a future completed when the connection is open and welcomed
	 */
	CompletableFuture<Void> connectAsync();

	/**
	 * Declares the client ready (Python 1.0's explicit readiness): the server starts offering
	 * calls. Again after {@link #pause()}, resumes offers. After a reconnect the client declares
	 * itself ready again by itself.
	 * @throws IllegalStateException when no incoming-call handler is set
	 */
	void ready();

	/**
	 * Stops being offered calls, for a graceful shutdown; calls in progress go on.
	 */
	void pause();

	/**
	 * Closes the control connection and every call's media connection (calls still live end with
	 * {@link TerminationReason#CLIENT_CLOSED}), and stops reconnecting. Final.
	 */
	void disconnect();

	/**
	 * Same as {@link #disconnect()}.
	 */
	@Override
	void close();

	/**
	 * Blocks until the client is closed (Python: {@code run_forever}) or the thread is interrupted.
	 */
	void awaitClosed();

	/**
	 * Blocks until the client is closed, at most {@code timeout}.
	 * @param timeout how long to wait
	 * @return whether the client is closed
	 */
	boolean awaitClosed(Duration timeout);

	/**
	 * Finds a live call.
	 * @param callId the call's id
	 * @return the call, if it is live on this client
	 */
	Optional<ActiveCall> getCall(String callId);

	/**
	 * Returns the live calls.
	 * @return a snapshot of the calls not yet ended
	 */
	Collection<ActiveCall> getActiveCalls();

	/**
	 * Returns the control connection's state.
	 * @return the state
	 */
	ConnectionState getConnectionState();

	/**
	 * Returns how many calls this client serves at once; the server offers no more.
	 * @return the maximum, 0 for no limit
	 */
	int getMaxCalls();

	/**
	 * Returns how many listener events this client did not deliver since it was created: events
	 * dropped because a listener was too slow or stuck and its queue (1,000 events per call, 10,000
	 * for the client's listeners) or the SDK's event threads (256, with a backlog of 10,000) were
	 * full, and repeated error reports held back (a call's {@code BufferFullException} is reported
	 * to listeners at most once per 10 s; {@code sendAudio} still throws every time). A call's end
	 * and a change of the connection state are never dropped. The Spring Boot starter publishes it
	 * as the meter {@code telcoflow.events.dropped}.
	 * @return the count; 0 for a client that does not count
	 */
	default long getDroppedEvents() {
		return 0;
	}

	/**
	 * Takes over a call that another process serialised with {@link ActiveCall#toJson()}: opens its
	 * media connection (the server then drops the previous one) and returns the call. No
	 * incoming-call handler runs for it.
	 * @param json what {@code toJson()} returned
	 * @return the call
	 * @throws IllegalArgumentException when the JSON is not a serialised call
	 * @throws io.telcoflow.client.exception.WssMediaException when the media connection cannot be
	 * opened
	 */
	ActiveCall attachCall(String json);

	/**
	 * Adds a listener for client-level events (connection state, calls, errors, metrics).
	 * @param listener the listener
	 */
	void addListener(TelcoflowClientListener listener);

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	void removeListener(TelcoflowClientListener listener);

	/**
	 * Builds a {@link TelcoflowClient}.
	 */
	interface Builder {

		/**
		 * Sets the executor that runs each incoming-call handler; it must run each task on its own
		 * thread (a virtual-thread executor, or a pool at least {@code maxCalls} large without a
		 * queue), never on the calling thread. A call's task is submitted when the call is offered
		 * and first waits (parked) until the call's media connection has started, so that the
		 * thread's start overlaps the handshake. Default: a new platform thread per call.
		 * @param executor the executor
		 * @return this builder
		 */
		Builder callExecutor(Executor executor);

		/**
		 * Adds a listener from the start, so that it sees the first connection attempt.
		 * @param listener the listener
		 * @return this builder
		 */
		Builder listener(TelcoflowClientListener listener);

		/**
		 * Builds the client; it does not connect yet.
		 * @return the client
		 */
		TelcoflowClient build();

	}

}
