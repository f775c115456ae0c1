package io.telcoflow.client.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.telcoflow.client.CallListener;
import io.telcoflow.client.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's listeners. Its events run one at a time, in order, on the shared event pool, so that a
 * reader thread never waits for a listener and a slow or failing one delays or loses only its own
 * call's events. It is a class of its own because every part of a call (state, commands, media)
 * raises events, while none of them should know how they are delivered.
 */
final class CallListeners {

	// the call's category, where a failing listener has always been logged: configurations name it
	private static final Logger logger = LoggerFactory.getLogger(DefaultActiveCall.class);

	private final DefaultActiveCall call;

	private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

	private final SerialExecutor events;

	CallListeners(DefaultActiveCall call, Executor events) {
		this.call = call;
		this.events = new SerialExecutor(events);
	}

	void add(CallListener listener) {
		this.listeners.add(listener);
	}

	void remove(CallListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Delivers an event to every listener, after the call's earlier events.
	 * @param event the event
	 */
	void each(Consumer<CallListener> event) {
		this.events.execute(() -> {
			for (CallListener listener : this.listeners) {
				try {
					event.accept(listener);
				}
				catch (RuntimeException ex) {
					logger.warn("Call listener {} of call {} failed", listener, this.call.getCallId(), ex);
				}
			}
		});
	}

	/**
	 * Tells a listener added after the call ended of its end, once, unless it is removed first.
	 * @param listener the listener
	 * @param termination completed with why the call ended
	 */
	void addedAfterEnd(CallListener listener, CompletableFuture<TerminationReason> termination) {
		termination.thenAcceptAsync((reason) -> {
			if (this.listeners.contains(listener)) {
				listener.onTerminated(this.call, reason);
			}
		}, this.events);
	}

}
