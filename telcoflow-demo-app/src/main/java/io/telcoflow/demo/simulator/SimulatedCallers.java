package io.telcoflow.demo.simulator;

import java.time.Duration;
import java.util.function.Supplier;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Has the embedded simulator place a call from the next scripted caller at once and then every
 * few seconds, from the moment the application is running until it stops. Starts last and stops first, so that
 * calls come only while the starter's client is ready.
 */
class SimulatedCallers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedCallers.class);

	private final TelcoflowSimulator simulator;

	private final Duration interval;

	private final Supplier<CallScript> callers;

	private volatile boolean running;

	SimulatedCallers(TelcoflowSimulator simulator, Duration interval, Supplier<CallScript> callers) {
		this.simulator = simulator;
		this.interval = interval;
		this.callers = callers;
	}

	@Override
	public void start() {
		// The first one at once (it is offered as soon as the client is ready), the others in turn.
		this.simulator.placeCall(this.callers.get());
		this.simulator.startAutoCalls(this.interval, this.callers);
		this.running = true;
		logger.info("Scripted callers ring now and every {} ms; press Ctrl-C to stop", this.interval.toMillis());
	}

	@Override
	public void stop() {
		this.running = false;
		this.simulator.stopAutoCalls();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

}
