package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets the first of a repeated report through, then at most one per interval, and counts the
 * ones held back so that the next report can say how many there were: a fault that repeats at
 * frame rate costs one log line or listener event per interval, not one per frame.
 */
final class ReportLimiter {

	/** The interval of the SDK's repeated warnings and error reports. */
	static final Duration INTERVAL = Duration.ofSeconds(10);

	private final long intervalNanos;

	private final LongSupplier nanoClock;

	private boolean reported;

	private long lastNanos;

	private long suppressed;

	ReportLimiter() {
		this(INTERVAL, System::nanoTime);
	}

	ReportLimiter(Duration interval, LongSupplier nanoClock) {
		this.intervalNanos = interval.toNanos();
		this.nanoClock = nanoClock;
	}

	/**
	 * Asks to report now.
	 * @return {@code -1} when this report is held back (and counted), otherwise how many were held
	 * back since the last report
	 */
	synchronized long tryReport() {
		long now = this.nanoClock.getAsLong();
		if (this.reported && now - this.lastNanos < this.intervalNanos) {
			this.suppressed++;
			return -1;
		}
		this.reported = true;
		this.lastNanos = now;
		long held = this.suppressed;
		this.suppressed = 0;
		return held;
	}

	/**
	 * Words how many reports were held back, for the end of a message.
	 * @param held what {@link #tryReport()} returned
	 * @param what what was held back, plural ("reports")
	 * @return {@code ""} or {@code " (N more <what> in the last 10 s not reported)"}
	 */
	static String heldBack(long held, String what) {
		return (held > 0) ? " (" + held + " more " + what + " since the last report, not reported one by one)" : "";
	}

}
