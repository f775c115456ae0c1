package io.telcoflow.benchmarks.stacks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Echo delays in buckets of 10 µs up to 2 s (and one bucket above), recorded from many threads
 * without locks.
 */
final class DelayHistogram {

	private static final int BUCKET_NANOS = 10_000;

	private static final int BUCKETS = 200_000;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

	void record(long nanos) {
		this.counts.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, nanos / BUCKET_NANOS)));
	}

	void reset() {
		for (int i = 0; i <= BUCKETS; i++) {
			this.counts.set(i, 0);
		}
	}

	long count() {
		long total = 0;
		for (int i = 0; i <= BUCKETS; i++) {
			total += this.counts.get(i);
		}
		return total;
	}

	/** The upper edge of the bucket that holds the quantile, in milliseconds; NaN when empty. */
	double quantileMillis(double quantile) {
		long total = count();
		if (total == 0) {
			return Double.NaN;
		}
		long rank = Math.max(1, (long) Math.ceil(quantile * total));
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
