/**
 * JMH microbenchmarks of the client's per-frame paths.
 */
@NullMarked
package io.telcoflow.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
