/**
 * The load harness: the simulator in this process places N echo calls on an application in a
 * child process and measures echo delay, underruns, CPU, heap, threads and dispatch delay.
 */
@NullMarked
package io.telcoflow.benchmarks.load;

import org.jspecify.annotations.NullMarked;
