package io.telcoflow.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the simulator's threads: named, so that a thread dump shows which part of the simulator
 * is busy, and daemons, so that a simulator a test forgot to close does not keep the JVM alive.
 */
final class SimulatorThreads {

	private SimulatorThreads() {
	}

	static ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	static ScheduledExecutorService singleDaemon(String name) {
		return Executors.newSingleThreadScheduledExecutor(daemon(name));
	}

}
