/**
 * Auto-configuration of the Telcoflow client's observability: Spring events for errors and
 * lifecycle, and a Micrometer {@code Observation} per call.
 */
@NullMarked
package io.telcoflow.spring.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
