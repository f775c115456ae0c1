package io.telcoflow.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run listener events and complete futures, bounded: an idle thread takes a task
 * if there is one, otherwise a new thread starts, up to {@link #MAX_THREADS}; beyond that tasks wait
 * in a backlog of {@link #BACKLOG} and past it are dropped and counted. Stuck listeners therefore
 * cost at most that many threads and that much memory instead of a thread each, and the count of
 * what was lost ({@link #dropped()}) is what {@code TelcoflowClient.getDroppedEvents()} reports.
 * Idle threads end after 10 s; the pool is never shut down (late events of a closed client still
 * need it).
 */
final class EventPool implements Executor {

	/** The most threads running events at once. */
	static final int MAX_THREADS = 256;

	/** The most tasks waiting for a thread when all {@link #MAX_THREADS} are busy. */
	static final int BACKLOG = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(EventPool.class);

	private final Pool pool;

	private final LongAdder dropped = new LongAdder();

	private final ReportLimiter dropReports = new ReportLimiter();

	EventPool(ThreadFactory threads) {
		this(MAX_THREADS, BACKLOG, threads);
	}

	EventPool(int maxThreads, int backlog, ThreadFactory threads) {
		this.pool = new Pool(maxThreads, backlog, threads);
	}

	/**
	 * Runs a task on an event thread, or drops and counts it when the pool and its backlog are full;
	 * never throws, so that a socket's reader thread can call it.
	 * @param task the task
	 */
	@Override
	public void execute(Runnable task) {
		if (!tryExecute(task)) {
			dropped(1, "a task");
		}
	}

	/**
	 * Runs a task on an event thread unless the pool and its backlog are full.
	 * @param task the task
	 * @return whether it was accepted
	 */
	boolean tryExecute(Runnable task) {
		try {
			this.pool.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/**
	 * Counts events that were not delivered, with a warning (the first, then one per interval).
	 * @param count how many
	 * @param where which queue was full, for the warning
	 */
	void dropped(long count, String where) {
		this.dropped.add(count);
		long held = this.dropReports.tryReport();
		if (held >= 0) {
			logger.warn("Telcoflow dropped {} event(s) from {}: listeners are too slow or stuck (the queue is full); "
					+ "{} dropped in all{}", count, where, this.dropped.sum(),
					ReportLimiter.heldBack(held, "drops"));
		}
	}

	/**
	 * Counts a repeated error report that was held back (its own report says how many).
	 */
	void heldBack() {
		this.dropped.increment();
	}

	/**
	 * Returns how many events and tasks were dropped since the client was created.
	 * @return the count
	 */
	long dropped() {
		return this.dropped.sum();
	}

	int threads() {
		return this.pool.getPoolSize();
	}

	/**
	 * A thread pool that prefers a new thread to the backlog while it may grow and no thread is idle
	 * (a plain {@link ThreadPoolExecutor} queues first and grows only when the queue is full).
	 */
	private static final class Pool extends ThreadPoolExecutor {

		private final AtomicInteger unfinished = new AtomicInteger();

		Pool(int maxThreads, int backlog, ThreadFactory threads) {
			super(0, maxThreads, 10, TimeUnit.SECONDS, new Backlog(backlog), threads);
			((Backlog) getQueue()).pool = this;
		}

		@Override
		public void execute(Runnable task) {
			this.unfinished.incrementAndGet();
			try {
				super.execute(task);
			}
			catch (RejectedExecutionException ex) {
				// the pool reached its maximum between the backlog's look and the new thread
				if (isShutdown() || !((Backlog) getQueue()).force(task)) {
					this.unfinished.decrementAndGet();
					throw ex;
				}
			}
		}

		@Override
		protected void afterExecute(Runnable task, Throwable failure) {
			this.unfinished.decrementAndGet();
		}

	}

	private static final class Backlog extends LinkedBlockingQueue<Runnable> {

		private static final long serialVersionUID = 1L;

		private transient Pool pool;

		Backlog(int capacity) {
			super(capacity);
		}

		@Override
		public boolean offer(Runnable task) {
			Pool pool = this.pool;
			boolean idleThread = pool.unfinished.get() <= pool.getPoolSize();
			if (idleThread || pool.getPoolSize() >= pool.getMaximumPoolSize()) {
				return super.offer(task);
			}
			return false; // a new thread, please
		}

		boolean force(Runnable task) {
			return super.offer(task);
		}

	}

}
