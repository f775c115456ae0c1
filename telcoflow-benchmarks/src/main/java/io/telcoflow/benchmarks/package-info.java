/**
 * Benchmarks of the Telcoflow SDK: a load harness that runs the simulator against an echo
 * application in another process, and JMH microbenchmarks of the client's hot paths. See
 * {@code docs/performance.md}.
 */
@NullMarked
package io.telcoflow.benchmarks;

import org.jspecify.annotations.NullMarked;
