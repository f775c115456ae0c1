package io.telcoflow.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Offers waiting calls, oldest first, to the sessions that may take them by the protocol: ready,
 * not paused, with capacity left (see {@link SimulatedSession#freeCapacity()}), and not offered the
 * call before. Among those it picks the one with the <b>most free capacity</b>, so that instances
 * with equal limits fill evenly and a new instance fills up to the others; ties (sessions without
 * limits among them) go to the one with the fewest calls in progress, then round-robin. A call that
 * no session can take waits, ringing, until one can or the caller hangs up: the protocol asks the
 * server to offer each call to a ready session with capacity, and says nothing of refusing calls.
 * <p>
 * Runs on the simulator's timer so that it never holds a call's lock while taking its own (calls
 * report their end with their lock held).
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
				SimulatedSession target = assign(call);
				if (target != null) {
					iterator.remove();
					call.offerTo(target);
				}
			}
		}
	}

	/** Assigns the call to the best session that takes it (capacity may change meanwhile: retried). */
	private @Nullable SimulatedSession assign(SimulatedCall call) {
		List<SimulatedSession> candidates = this.sessions.get();
		while (true) {
			int best = best(call, candidates);
			if (best < 0) {
				return null;
			}
			SimulatedSession session = candidates.get(best);
			if (session.tryAssign(call)) {
				this.roundRobin = (best + 1) % candidates.size();
				return session;
			}
			// its capacity went meanwhile (a pause, a capacity of 0): best() no longer picks it
		}
	}

	private int best(SimulatedCall call, List<SimulatedSession> candidates) {
		int best = -1;
		long bestFree = 0;
		int bestActive = 0;
		for (int i = 0; i < candidates.size(); i++) {
			int index = (this.roundRobin + i) % candidates.size();
			SimulatedSession session = candidates.get(index);
			long free = session.freeCapacity();
			if (free == 0 || call.wasTriedBy(session)) {
				continue;
			}
			int active = session.activeCalls();
			if (best < 0 || free > bestFree || (free == bestFree && active < bestActive)) {
				best = index;
				bestFree = free;
				bestActive = active;
			}
		}
		return best;
	}

}
