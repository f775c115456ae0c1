/**
 * An embedded Telcoflow server for tests, local development and demos: the server side of
 * {@code telcoflow-wire/1} on loopback, scripted callers ({@link io.telcoflow.simulator.CallScript}),
 * a per-call record of what the client did ({@link io.telcoflow.simulator.CallRecord}) and fault
 * injection ({@link io.telcoflow.simulator.SimulatorFaults}). Start with
 * {@link io.telcoflow.simulator.TelcoflowSimulator#builder()}.
 */
@NullMarked
package io.telcoflow.simulator;

import org.jspecify.annotations.NullMarked;
