package io.telcoflow.benchmarks.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Samples of the delay from the server's offer ({@code offered_at}, the simulator's wall clock on
 * the same machine) to the handler's entry, in microseconds.
 */
public final class DispatchRecorder {

	private long[] samples = new long[1024];

	private int count;

	/**
	 * Records one handler entry now.
	 * @param offeredAt when the server offered the call
	 */
	public synchronized void entered(Instant offeredAt) {
		long micros = Duration.between(offeredAt, Instant.now()).toNanos() / 1000;
		if (this.count == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.count * 2);
		}
		this.samples[this.count++] = micros;
	}

	synchronized void reset() {
		this.count = 0;
	}

	/**
	 * Returns {@code count p50 p99 max} in microseconds.
	 * @return the summary
	 */
	synchronized String summary() {
		if (this.count == 0) {
			return "0 0 0 0";
		}
		long[] sorted = Arrays.copyOf(this.samples, this.count);
		Arrays.sort(sorted);
		return this.count + " " + at(sorted, 0.5) + " " + at(sorted, 0.99) + " " + sorted[sorted.length - 1];
	}

	private static long at(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
