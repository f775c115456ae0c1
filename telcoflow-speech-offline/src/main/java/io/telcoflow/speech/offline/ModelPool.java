package io.telcoflow.speech.offline;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Engine instances that are not thread-safe (a FreeTTS voice, a Sphinx4 recognizer), lent to one
 * caller at a time: created when first needed, at most {@code maximum} of them, and a caller that
 * finds all of them lent waits for one to come back. An instance whose use failed is dropped (its
 * state is unknown) and a new one is created the next time one is needed.
 *
 * @param <T> the instance type
 */
final class ModelPool<T> {

	private final String name;

	private final Supplier<T> factory;

	private final int maximum;

	private final Semaphore permits;

	private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();

	ModelPool(String name, Supplier<T> factory, int maximum) {
		if (maximum < 1) {
			throw new IllegalArgumentException("A pool of " + name + " needs room for at least 1, was " + maximum);
		}
		this.name = name;
		this.factory = Objects.requireNonNull(factory, "factory");
		this.maximum = maximum;
		this.permits = new Semaphore(maximum, true);
	}

	/**
	 * Creates one instance now, so that its cost is paid at start-up and a broken set-up fails
	 * there rather than at the first call.
	 */
	void prepareOne() {
		this.idle.push(this.factory.get());
	}

	/**
	 * Lends an instance, waiting while all are lent.
	 * @return the instance, to be given back with {@link #release} or {@link #discard}
	 */
	T borrow() {
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for one of " + this.maximum + " " + this.name, ex);
		}
		T instance = this.idle.poll();
		if (instance != null) {
			return instance;
		}
		try {
			return this.factory.get();
		}
		catch (RuntimeException | Error ex) {
			this.permits.release();
			throw ex;
		}
	}

	void release(T instance) {
		this.idle.push(instance);
		this.permits.release();
	}

	void discard(T instance) {
		this.permits.release();
	}

	int maximum() {
		return this.maximum;
	}

	@Override
	public String toString() {
		return "ModelPool[" + this.name + ", " + this.idle.size() + " idle of at most " + this.maximum + "]";
	}

}
