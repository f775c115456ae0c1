package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Correlates a call's commands with their results: ids {@code c-N}, one timeout per command, and
 * a memory of recently timed-out ids so that a late result is told apart from a protocol error.
 */
final class CommandTracker {

	private static final int LATE_IDS = 64;

	private final AtomicLong counter = new AtomicLong();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final LinkedHashSet<String> timedOut = new LinkedHashSet<>();

	private final ScheduledExecutorService scheduler;

	CommandTracker(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Registers a command about to be sent.
	 * @param name the command name
	 * @param timeout how long to wait for its result
	 * @param onTimeout called on the scheduler when no result came in time
	 * @return the pending command
	 */
	Pending register(String name, Duration timeout, Consumer<Pending> onTimeout) {
		String id = "c-" + this.counter.incrementAndGet();
		Pending command = new Pending(id, name, System.nanoTime(), new CompletableFuture<>());
		this.pending.put(id, command);
		command.timeoutTask = this.scheduler.schedule(() -> {
			if (this.pending.remove(id) != null) {
				synchronized (this.timedOut) {
					this.timedOut.add(id);
					if (this.timedOut.size() > LATE_IDS) {
						this.timedOut.remove(this.timedOut.iterator().next());
					}
				}
				onTimeout.accept(command);
			}
		}, timeout.toMillis(), TimeUnit.MILLISECONDS);
		return command;
	}

	/**
	 * Takes the command a result belongs to.
	 * @param id the result's id
	 * @return the command, or {@code null} when unknown or timed out
	 */
	@Nullable Pending complete(String id) {
		Pending command = this.pending.remove(id);
		if (command != null && command.timeoutTask != null) {
			command.timeoutTask.cancel(false);
		}
		return command;
	}

	/**
	 * Forgets a command that could not be sent.
	 * @param command the command
	 */
	void abandon(Pending command) {
		complete(command.id);
	}

	boolean isLate(String id) {
		synchronized (this.timedOut) {
			return this.timedOut.contains(id);
		}
	}

	/**
	 * Takes every pending command (the call ended).
	 * @return the commands
	 */
	List<Pending> drain() {
		List<Pending> drained = new ArrayList<>();
		for (String id : new ArrayList<>(this.pending.keySet())) {
			Pending command = complete(id);
			if (command != null) {
				drained.add(command);
			}
		}
		return drained;
	}

	/**
	 * A command waiting for its result.
	 */
	static final class Pending {

		final String id;

		final String name;

		final long sentNanos;

		final CompletableFuture<Void> future;

		volatile @Nullable ScheduledFuture<?> timeoutTask;

		Pending(String id, String name, long sentNanos, CompletableFuture<Void> future) {
			this.id = id;
			this.name = name;
			this.sentNanos = sentNanos;
			this.future = future;
		}

		Duration latency() {
			return Duration.ofNanos(System.nanoTime() - this.sentNanos);
		}

	}

}
