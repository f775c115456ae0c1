package io.telcoflow.benchmarks.load;

import io.telcoflow.simulator.AudioFrameObserver;

/**
 * What the simulator measures of one application in a window: the echo of the echo applications,
 * the turns of the voice agent.
 */
interface LoadMeter extends AudioFrameObserver {

	/** Starts a new measurement window: what happens from now on counts. */
	void openWindow();

	/** Ends the window: what starts from now on does not count (what it answers late still does). */
	void closeWindow();

	/** Sums the window over every call (call a second after {@link #closeWindow()}). */
	EchoStats stats();

}
