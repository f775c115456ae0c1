package io.telcoflow.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Offers waiting calls to ready sessions with capacity, round-robin. Runs on the simulator's timer
 * so that it never holds a call's lock while taking its own (calls report their end with their lock
 * held).
 */
final class CallDispatcher {

	private final Supplier<List<SimulatedSession>> sessions;

	private final Executor executor;

	private final List<SimulatedCall> waiting = new ArrayList<>();

	private int roundRobin;

	CallDispatcher(Supplier<List<SimulatedSession>> sessions, Executor executor) {
		this.sessions = sessions;
		this.executor = executor;
	}

	void queue(SimulatedCall call) {
		synchronized (this.waiting) {
			this.waiting.add(call);
		}
		dispatch();
	}

	/** Whether a session that has not had this call yet could take it now. */
	boolean hasSessionFor(SimulatedCall call) {
		return this.sessions.get().stream().anyMatch((session) -> session.canTake() && !call.wasTriedBy(session));
	}

	void dispatch() {
		try {
			this.executor.execute(this::dispatchNow);
		}
		catch (RejectedExecutionException ex) {
			// the simulator is stopping
		}
	}

	private void dispatchNow() {
		synchronized (this.waiting) {
			Iterator<SimulatedCall> iterator = this.waiting.iterator();
			while (iterator.hasNext()) {
				SimulatedCall call = iterator.next();
				if (call.isEnded()) {
					iterator.remove();
					continue;
				}
				SimulatedSession target = nextSession(call);
				if (target != null) {
					iterator.remove();
					target.assign(call);
					call.offerTo(target);
				}
			}
		}
	}

	private @Nullable SimulatedSession nextSession(SimulatedCall call) {
		List<SimulatedSession> candidates = this.sessions.get();
		for (int i = 0; i < candidates.size(); i++) {
			SimulatedSession session = candidates.get((this.roundRobin + i) % candidates.size());
			if (session.canTake() && !call.wasTriedBy(session)) {
				this.roundRobin = (this.roundRobin + i + 1) % candidates.size();
				return session;
			}
		}
		return null;
	}

}
