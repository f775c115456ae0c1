package io.telcoflow.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 20 ms clock of the calls whose media connection opened: each tick sends every such call its
 * caller frame and pull. One thread ticks all calls, which keeps them in step and costs one thread
 * whatever the load; a call whose tick fails is logged and skipped, so the others keep their clock.
 */
final class AudioClock {

	private static final Logger logger = LoggerFactory.getLogger(AudioClock.class);

	private final Set<SimulatedCall> calls = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService clock = SimulatorThreads.singleDaemon("telcoflow-sim-audio-clock");

	void start() {
		this.clock.scheduleAtFixedRate(this::tickAll, SimulatedCall.FRAME_MS, SimulatedCall.FRAME_MS,
				TimeUnit.MILLISECONDS);
	}

	void stop() {
		this.clock.shutdownNow();
	}

	void add(SimulatedCall call) {
		this.calls.add(call);
	}

	void remove(SimulatedCall call) {
		this.calls.remove(call);
	}

	private void tickAll() {
		for (SimulatedCall call : this.calls) {
			try {
				call.tick();
			}
			catch (RuntimeException ex) {
				logger.warn("Audio tick of call {} failed", call.callId(), ex);
			}
		}
	}

}
