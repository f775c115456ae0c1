package io.telcoflow.client;

import java.time.Duration;

/**
 * Exponential backoff with full jitter between reconnect attempts: attempt {@code n} waits a random
 * time between 0 and {@code min(max, initial * multiplier^(n-1))}.
 *
 * @param initial the first delay's upper bound (default 0.5 s)
 * @param multiplier the growth factor, at least 1 (default 2)
 * @param max the cap (default 30 s)
 */
public record ReconnectBackoff(Duration initial, double multiplier, Duration max) {

	/** The protocol's defaults: 0.5 s, factor 2, cap 30 s. */
	public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));

	/**
	 * Validates the values.
	 * @param initial the first delay's upper bound
	 * @param multiplier the growth factor
	 * @param max the cap
	 */
	public ReconnectBackoff {
		TelcoflowConfig.require(initial != null && initial.toMillis() > 0, "reconnectBackoff.initial",
				"must be positive", initial);
		TelcoflowConfig.require(multiplier >= 1.0, "reconnectBackoff.multiplier", "must be at least 1", multiplier);
		TelcoflowConfig.require(max != null && max.compareTo(initial) >= 0, "reconnectBackoff.max",
				"must be at least reconnectBackoff.initial (" + initial + ")", max);
	}

	/**
	 * Returns the upper bound of the delay before an attempt, before jitter.
	 * @param attempt 1 for the first attempt
	 * @return the bound
	 */
	public Duration ceiling(int attempt) {
		double millis = this.initial.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
		return (millis >= this.max.toMillis()) ? this.max : Duration.ofMillis((long) millis);
	}

}
