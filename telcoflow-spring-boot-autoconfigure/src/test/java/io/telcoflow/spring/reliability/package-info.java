/**
 * Reliability tests of the starter against the simulator: faults, overload, shutdown, leaks,
 * bad configuration and secrets.
 */
@NullMarked
package io.telcoflow.spring.reliability;

import org.jspecify.annotations.NullMarked;
