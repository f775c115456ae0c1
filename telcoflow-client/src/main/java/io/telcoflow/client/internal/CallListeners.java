package io.telcoflow.client.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.telcoflow.client.CallListener;
import io.telcoflow.client.TerminationReason;
import org.jspecify.annotations.Nullable;
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

	// guards the hand-over between add and terminated: a listener is told of the end either by the
	// end's own delivery (it was in the list when the end took its copy) or by add, never both
	private final Object endLock = new Object();

	private @Nullable TerminationReason endedWith;

	CallListeners(DefaultActiveCall call, EventPool events) {
		this.call = call;
		this.events = new SerialExecutor(events, SerialExecutor.CALL_CAPACITY, "call " + call.getCallId());
	}

	/**
	 * Adds a listener; one added after the call ended is told of the end, after the call's
	 * earlier events, unless it is removed first.
	 * @param listener the listener
	 */
	void add(CallListener listener) {
		TerminationReason reason;
		synchronized (this.endLock) {
			this.listeners.add(listener);
			reason = this.endedWith;
		}
		if (reason != null) {
			this.events.executeAlways(() -> terminate(List.of(listener), reason));
		}
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
				deliver(listener, event);
			}
		});
	}

	/**
	 * Tells the call's listeners of its end, after its earlier events; a listener added from now on
	 * is told by {@link #add}.
	 * @param reason why the call ended
	 */
	void terminated(TerminationReason reason) {
		List<CallListener> told;
		synchronized (this.endLock) {
			this.endedWith = reason;
			told = List.copyOf(this.listeners);
		}
		this.events.executeAlways(() -> terminate(told, reason));
	}

	private void terminate(List<CallListener> told, TerminationReason reason) {
		for (CallListener listener : told) {
			if (this.listeners.contains(listener)) {
				deliver(listener, (each) -> each.onTerminated(this.call, reason));
			}
		}
	}

	private void deliver(CallListener listener, Consumer<CallListener> event) {
		try {
			event.accept(listener);
		}
		catch (RuntimeException ex) {
			logger.warn("Call listener {} of call {} failed", listener, this.call.getCallId(), ex);
		}
	}

}
