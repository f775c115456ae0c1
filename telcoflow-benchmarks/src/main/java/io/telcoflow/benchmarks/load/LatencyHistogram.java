package io.telcoflow.benchmarks.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Delays in buckets of 10 µs up to 2 s (and one bucket above), recorded from many threads without
 * locks.
 */
public final class LatencyHistogram {

	private static final int BUCKET_NANOS = 10_000;

	private static final int BUCKETS = 200_000;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

	/**
	 * Records one delay.
	 * @param nanos the delay in nanoseconds
	 */
	public void record(long nanos) {
		int bucket = (int) Math.min(BUCKETS, Math.max(0, nanos / BUCKET_NANOS));
		this.counts.incrementAndGet(bucket);
	}

	/**
	 * Forgets every recorded delay.
	 */
	public void reset() {
		for (int i = 0; i <= BUCKETS; i++) {
			this.counts.set(i, 0);
		}
	}

	/**
	 * Returns how many delays were recorded.
	 * @return the count
	 */
	public long count() {
		long total = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			total += this.counts.get(i);
		}
		return total;
	}

	/**
	 * Returns the upper edge of the bucket that holds the quantile, in milliseconds.
	 * @param quantile between 0 and 1
	 * @return the delay, NaN when nothing was recorded
	 */
	public double quantileMillis(double quantile) {
		long total = count();
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(quantile * total);
		long seen = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			seen += this.counts.get(i);
			if (seen >= rank) {
				return (i + 1) * (BUCKET_NANOS / 1e6);
			}
		}
		return Double.POSITIVE_INFINITY;
	}

}
