package io.telcoflow.client.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's listeners; a listener that throws is logged and ignored. Events run in order on
 * an SDK event thread, never on a socket's reader thread, except the per-frame ones
 * ({@link #eachNow(Consumer)}), which must stay cheap. Every exception the SDK raises or reports
 * passes {@link #error(WssException, ActiveCall)} exactly once.
 */
final class ClientListeners {

	private static final Logger logger = LoggerFactory.getLogger(ClientListeners.class);

	private final List<TelcoflowClientListener> listeners = new CopyOnWriteArrayList<>();

	private final SerialExecutor events;

	ClientListeners(EventPool events) {
		this.events = new SerialExecutor(events, SerialExecutor.CLIENT_CAPACITY, "the client's listeners");
	}

	void add(TelcoflowClientListener listener) {
		this.listeners.add(listener);
	}

	void remove(TelcoflowClientListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Delivers an event on the event thread, in order.
	 * @param event the event
	 */
	void each(Consumer<TelcoflowClientListener> event) {
		if (!this.listeners.isEmpty()) {
			this.events.execute(() -> eachNow(event));
		}
	}

	/**
	 * Delivers an event on the event thread, in order, even when the queue is full: for the events
	 * whose loss would leave a listener's picture wrong for good (a call's end, a connection change).
	 * @param event the event
	 */
	void eachAlways(Consumer<TelcoflowClientListener> event) {
		if (!this.listeners.isEmpty()) {
			this.events.executeAlways(() -> eachNow(event));
		}
	}

	/**
	 * Delivers a per-frame event on the calling thread (possibly a socket's reader thread).
	 * @param event the event
	 */
	void eachNow(Consumer<TelcoflowClientListener> event) {
		for (TelcoflowClientListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Telcoflow client listener {} failed", listener, ex);
			}
		}
	}

	/**
	 * Reports an exception that is raised to application code or to a call's listeners.
	 * @param <E> its type
	 * @param error the exception
	 * @param call the call concerned
	 * @return the exception, to throw
	 */
	<E extends WssException> E error(E error, @Nullable ActiveCall call) {
		logger.debug("Telcoflow error{}: {}", (call != null) ? " on call " + call.getCallId() : "", error.toString());
		each((listener) -> listener.onError(error, call));
		return error;
	}

	void protocolError(@Nullable ActiveCall call, String description) {
		logger.warn("Telcoflow protocol error on {} connection{}: {}; frame dropped",
				(call != null) ? "media" : "control", (call != null) ? " of call " + call.getCallId() : "",
				description);
		each((listener) -> listener.onProtocolError(call, description));
	}

}
