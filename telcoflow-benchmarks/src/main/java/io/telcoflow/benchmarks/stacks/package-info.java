/**
 * The transport stack comparison of issue 10: one echo server (the simulator's WebSocket server)
 * in the harness's JVM, and one client JVM per WebSocket stack that opens N connections in a burst
 * and echoes every audio frame through a hand-off, as an SDK would. See
 * {@code docs/transport-stacks.md}.
 */
@NullMarked
package io.telcoflow.benchmarks.stacks;

import org.jspecify.annotations.NullMarked;
