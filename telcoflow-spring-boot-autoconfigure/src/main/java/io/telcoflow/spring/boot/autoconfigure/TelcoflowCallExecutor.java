package io.telcoflow.spring.boot.autoconfigure;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Holds the executor that runs each call's handler on its own thread, and shuts it down with the
 * context. Deliberately not an {@link Executor} bean itself: one would make Boot's
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
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX);
		executor.setVirtualThreads(true);
		return new TelcoflowCallExecutor(executor, true);
	}

	/**
	 * Creates an executor on platform threads: a pool of {@code maxCalls} threads, or a new thread
	 * per call when the number of calls is not limited.
	 * @param maxCalls the maximum number of concurrent calls, 0 for no limit
	 * @return the executor
	 */
	static TelcoflowCallExecutor platformThreads(int maxCalls) {
		if (maxCalls == 0) {
			return new TelcoflowCallExecutor(new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX), false);
		}
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setThreadNamePrefix(THREAD_NAME_PREFIX);
		pool.setCorePoolSize(maxCalls);
		pool.setMaxPoolSize(maxCalls);
		pool.setAllowCoreThreadTimeOut(true);
		// The queue only bridges the moment between a call ending (capacity freed, the next call
		// offered) and its handler's thread returning to the pool.
		pool.setQueueCapacity(Integer.MAX_VALUE);
		pool.initialize();
		return new TelcoflowCallExecutor(pool, false);
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
		// are interrupted.
		if (this.executor instanceof ThreadPoolTaskExecutor pool) {
			pool.shutdown();
		}
		else if (this.executor instanceof SimpleAsyncTaskExecutor simple) {
			simple.close();
		}
	}

}
