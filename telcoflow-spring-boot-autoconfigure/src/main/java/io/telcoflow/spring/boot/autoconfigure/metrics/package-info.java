/**
 * Auto-configuration of Micrometer meters for the Telcoflow client.
 */
@NullMarked
package io.telcoflow.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
