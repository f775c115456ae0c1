package io.telcoflow.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The control sessions: the open ones, which calls are dispatched to, and a history for tests
 * (every session since the start, and when each control upgrade arrived, to check the client's
 * reconnect backoff).
 */
final class SessionRegistry {

	private final List<SimulatedSession> openSessions = new CopyOnWriteArrayList<>();

	private final List<SimulatedSession> allSessions = new CopyOnWriteArrayList<>();

	private final List<Instant> controlAttempts = new CopyOnWriteArrayList<>();

	void attempt() {
		this.controlAttempts.add(Instant.now());
	}

	void opened(SimulatedSession session) {
		this.allSessions.add(session);
		this.openSessions.add(session);
	}

	void closed(SimulatedSession session) {
		this.openSessions.remove(session);
	}

	List<SimulatedSession> open() {
		return List.copyOf(this.openSessions);
	}

	List<SimulatedSession> all() {
		return List.copyOf(this.allSessions);
	}

	List<Instant> attempts() {
		return List.copyOf(this.controlAttempts);
	}

	boolean anyReady() {
		return this.openSessions.stream().anyMatch(SimulatedSession::isReady);
	}

	int openCount() {
		return this.openSessions.size();
	}

	List<SimulatedSession> awaitReady(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<SimulatedSession> ready = open().stream().filter(SimulatedSession::isReady).toList();
			if (ready.size() >= count) {
				return ready;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Expected " + count + " ready session(s) within " + timeout + " but have "
						+ ready.size() + ": " + open());
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
	}

}
