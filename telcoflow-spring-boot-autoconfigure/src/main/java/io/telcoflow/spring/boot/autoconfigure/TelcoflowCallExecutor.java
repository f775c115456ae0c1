package io.telcoflow.spring.boot.autoconfigure;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Holds the executor that runs each call's handler on its own thread, and shuts it down with the
 * context: handlers still running then (they ignored the end of their call) are interrupted, and
 * their threads are daemons, so that such a handler cannot keep the JVM alive once the context has
 * closed. Deliberately not an {@link Executor} bean itself: one would make Boot's
 * {@code applicationTaskExecutor} back off. Replace the executor with a
 * {@link TelcoflowClientCustomizer} ({@code builder.callExecutor(...)}).
 */
final class TelcoflowCallExecutor implements DisposableBean {

	/** Prefix of the name of every call thread. */
	static final String THREAD_NAME_PREFIX = "telcoflow-call-";

	private final Executor executor;

	private final boolean virtual;

	private TelcoflowCallExecutor(Executor executor, boolean virtual) {
		this.executor = executor;
		this.virtual = virtual;
	}

	/**
	 * Creates an executor that starts a virtual thread per call (Java 21+).
	 * @return the executor
	 */
	static TelcoflowCallExecutor virtualThreads() {
		SimpleAsyncTaskExecutor executor = interruptedOnClose(new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX));
		executor.setVirtualThreads(true);
		return new TelcoflowCallExecutor(executor, true);
	}

	/**
	 * Creates an executor on platform threads: {@code maxCalls} threads kept ready, or a new
	 * thread per call when the number of calls is not limited.
	 * <p>
	 * The server never offers more than {@code maxCalls} calls at once, so the pool does not need to
	 * limit them, and must not: a handler that never returns (blocked on something other than its
	 * call) would otherwise hold one of only {@code maxCalls} threads for ever, and a later call's
	 * handler would wait for it in a queue while its caller hears ringing. Instead every call gets a
	 * thread at once; threads beyond {@code maxCalls} end after a minute without work.
	 * @param maxCalls the maximum number of concurrent calls, 0 for no limit
	 * @return the executor
	 */
	static TelcoflowCallExecutor platformThreads(int maxCalls) {
		if (maxCalls == 0) {
			SimpleAsyncTaskExecutor executor = interruptedOnClose(new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX));
			executor.setDaemon(true);
			return new TelcoflowCallExecutor(executor, false);
		}
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setThreadNamePrefix(THREAD_NAME_PREFIX);
		// the application is kept alive by the lifecycle's telcoflow-await thread, not by handlers
		pool.setDaemon(true);
		pool.setCorePoolSize(maxCalls);
		pool.setMaxPoolSize(Integer.MAX_VALUE);
		pool.setAllowCoreThreadTimeOut(true);
		// No queue: a handler starts at once, on a new thread when every pooled one is busy.
		pool.setQueueCapacity(0);
		pool.initialize();
		return new TelcoflowCallExecutor(pool, false);
	}

	/**
	 * Tracks the executor's threads so that {@code close()} interrupts those still running (by
	 * default it tracks nothing and closing does nothing to them).
	 */
	private static SimpleAsyncTaskExecutor interruptedOnClose(SimpleAsyncTaskExecutor executor) {
		executor.setCancelRemainingTasksOnClose(true);
		return executor;
	}

	Executor getExecutor() {
		return this.executor;
	}

	boolean isVirtual() {
		return this.virtual;
	}

	@Override
	public void destroy() {
		// Runs after the client has been disconnected: every call is over, handlers still running
		// are interrupted (the pool's shutdown interrupts, as it does not wait for its tasks).
		if (this.executor instanceof ThreadPoolTaskExecutor pool) {
			pool.shutdown();
		}
		else if (this.executor instanceof SimpleAsyncTaskExecutor simple) {
			simple.close();
		}
	}

}
