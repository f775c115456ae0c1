package io.telcoflow.client.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's own threads: a scheduler (heartbeats and pings, timeouts, reconnects) and a bounded
 * pool for events and future completions ({@link EventPool}), so that application code never runs
 * on a socket's reader thread.
 */
final class SdkThreads {

	private final ScheduledThreadPoolExecutor scheduler;

	private final EventPool events;

	SdkThreads() {
		this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("telcoflow-scheduler-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
		this.events = new EventPool(daemon("telcoflow-event-"));
	}

	ScheduledThreadPoolExecutor scheduler() {
		return this.scheduler;
	}

	EventPool events() {
		return this.events;
	}

	/**
	 * Stops the scheduler once the client is closed. The event pool is never shut down: late
	 * events and failed futures of a closed client still need it, and its idle threads end by
	 * themselves.
	 */
	void shutdownScheduler() {
		this.scheduler.shutdown();
	}

	/**
	 * The default call executor: a new platform thread per call, named after the call.
	 * @param callId the call
	 * @param task the handler
	 */
	static void startCallThread(String callId, Runnable task) {
		Thread thread = new Thread(task, "telcoflow-call-" + callId);
		thread.setDaemon(false);
		thread.start();
	}

	private static ThreadFactory daemon(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
