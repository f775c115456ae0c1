/**
 * Micrometer meters and observations for the Telcoflow client: {@link
 * io.telcoflow.spring.boot.metrics.TelcoflowMetrics} (plain meters) and {@link
 * io.telcoflow.spring.boot.metrics.TelcoflowCallObservationListener} (one {@code Observation} per
 * call).
 */
@NullMarked
package io.telcoflow.spring.boot.metrics;

import org.jspecify.annotations.NullMarked;
