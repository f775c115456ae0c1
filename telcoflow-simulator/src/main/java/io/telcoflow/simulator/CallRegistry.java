package io.telcoflow.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * Every call placed, by id (for the media endpoint and fault injection) and in order (for
 * {@link TelcoflowSimulator#calls()}). Past the retention limit it forgets the oldest ended calls,
 * so that a simulator left running, as in a demo, does not grow without bound.
 */
final class CallRegistry {

	private final int retainEndedCalls;

	private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();

	private final List<SimulatedCall> callOrder = new CopyOnWriteArrayList<>();

	private final Deque<SimulatedCall> endedCalls = new ArrayDeque<>();

	CallRegistry(int retainEndedCalls) {
		this.retainEndedCalls = retainEndedCalls;
	}

	void add(SimulatedCall call) {
		this.calls.put(call.callId(), call);
		this.callOrder.add(call);
	}

	@Nullable SimulatedCall get(String callId) {
		return this.calls.get(callId);
	}

	SimulatedCall require(String callId) {
		SimulatedCall call = this.calls.get(callId);
		if (call == null) {
			throw new IllegalArgumentException("Unknown call " + callId);
		}
		return call;
	}

	/** The calls kept, oldest first. */
	List<SimulatedCall> inOrder() {
		return List.copyOf(this.callOrder);
	}

	int size() {
		return this.calls.size();
	}

	/** Called with the call's lock held: takes only the registry's own lock. */
	void ended(SimulatedCall ended) {
		if (this.retainEndedCalls == Integer.MAX_VALUE) {
			return;
		}
		SimulatedCall oldest = null;
		synchronized (this.endedCalls) {
			this.endedCalls.addLast(ended);
			if (this.endedCalls.size() > this.retainEndedCalls) {
				oldest = this.endedCalls.removeFirst();
			}
		}
		if (oldest != null) {
			this.calls.remove(oldest.callId());
			this.callOrder.remove(oldest);
		}
	}

}
