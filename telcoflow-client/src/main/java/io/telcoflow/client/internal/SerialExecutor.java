package io.telcoflow.client.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on the event pool: a call's events keep their
 * order without a thread per call. The queue is bounded: while a listener is stuck, events past
 * the bound are dropped and counted in the pool ({@link EventPool#dropped}), except the ones
 * submitted with {@link #executeAlways} (an end of a call, a change of the connection), whose loss
 * would leave a listener's picture wrong for good; those are few, one per call or change.
 */
final class SerialExecutor implements Executor {

	/** The most events queued for a call's listeners. */
	static final int CALL_CAPACITY = 1_000;

	/** The most events queued for the client's listeners. */
	static final int CLIENT_CAPACITY = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(SerialExecutor.class);

	private final EventPool pool;

	private final int capacity;

	private final String name;

	private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

	private boolean running;

	/**
	 * Creates an executor.
	 * @param pool the threads, and where drops are counted
	 * @param capacity the most tasks queued (beyond those submitted with {@link #executeAlways})
	 * @param name whose events these are, for the warning about drops
	 */
	SerialExecutor(EventPool pool, int capacity, String name) {
		this.pool = pool;
		this.capacity = capacity;
		this.name = name;
	}

	/**
	 * Runs a task after the ones before it, or drops and counts it when the queue is full.
	 * @param task the task
	 */
	@Override
	public void execute(Runnable task) {
		submit(task, false);
	}

	/**
	 * Runs a task after the ones before it, whatever the queue holds.
	 * @param task the task
	 */
	void executeAlways(Runnable task) {
		submit(task, true);
	}

	private void submit(Runnable task, boolean always) {
		synchronized (this.tasks) {
			if (!always && this.tasks.size() >= this.capacity) {
				this.pool.dropped(1, "the queue of " + this.name);
				return;
			}
			this.tasks.addLast(task);
			if (this.running) {
				return;
			}
			this.running = true;
		}
		if (!this.pool.tryExecute(this::drain)) {
			// no thread and no room in the backlog: what waits here is lost, and the next event
			// tries again
			int lost;
			synchronized (this.tasks) {
				lost = this.tasks.size();
				this.tasks.clear();
				this.running = false;
			}
			this.pool.dropped(lost, "the queue of " + this.name + " (no event thread free)");
		}
	}

	private void drain() {
		while (true) {
			Runnable task;
			synchronized (this.tasks) {
				task = this.tasks.pollFirst();
				if (task == null) {
					this.running = false;
					return;
				}
			}
			try {
				task.run();
			}
			catch (Throwable ex) {
				logger.warn("Telcoflow event listener failed", ex);
			}
		}
	}

}
