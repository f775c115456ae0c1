package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fits the drain timeout into {@code spring.lifecycle.timeout-per-shutdown-phase}: the lifecycle
 * processor stops waiting for a phase after that time, so draining calls must end earlier, leaving
 * time to end the calls still live. A drain timeout that does not fit is reduced, with a warning,
 * rather than failing the start: the default drain timeout must work with any phase timeout.
 *
 * @param drainTimeout how long live calls get to end by themselves
 * @param endTimeout how long calls ended on shutdown get to confirm
 */
record ShutdownTimeouts(Duration drainTimeout, Duration endTimeout) {

	private static final Log logger = LogFactory.getLog(ShutdownTimeouts.class);

	private static final Duration MAX_END_TIMEOUT = Duration.ofSeconds(5);

	static ShutdownTimeouts fit(Duration drainTimeout, Duration phaseTimeout) {
		if (drainTimeout.isNegative()) {
			throw new InvalidTelcoflowPropertyException("telcoflow.shutdown.drain-timeout", drainTimeout.toString(),
					"'telcoflow.shutdown.drain-timeout' must not be negative.",
					"Set 'telcoflow.shutdown.drain-timeout' to 0 (end live calls at once) or a positive duration.");
		}
		Duration quarter = phaseTimeout.dividedBy(4);
		Duration endTimeout = (quarter.compareTo(MAX_END_TIMEOUT) < 0) ? quarter : MAX_END_TIMEOUT;
		Duration limit = phaseTimeout.minus(endTimeout);
		if (drainTimeout.compareTo(limit) > 0) {
			logger.warn("telcoflow.shutdown.drain-timeout (" + drainTimeout
					+ ") does not fit into spring.lifecycle.timeout-per-shutdown-phase (" + phaseTimeout
					+ ") with time to end the remaining calls; draining for " + limit + " instead. Raise "
					+ "spring.lifecycle.timeout-per-shutdown-phase or lower telcoflow.shutdown.drain-timeout.");
			return new ShutdownTimeouts(limit, endTimeout);
		}
		return new ShutdownTimeouts(drainTimeout, endTimeout);
	}

}
