package io.telcoflow.simulator;

/**
 * Sees every audio frame of every answered call as it leaves or arrives, with a
 * {@link System#nanoTime()} timestamp: for load harnesses that measure echo delay and underruns
 * without recording the audio. Called on the simulator's audio threads with the call's lock held,
 * so it must be short and must not call back into the call.
 *
 * @see TelcoflowSimulator.Builder#audioFrameObserver(AudioFrameObserver)
 */
public interface AudioFrameObserver {

	/**
	 * A frame of caller audio is about to be sent, together with its {@code audio.pull}. The
	 * observer may overwrite the frame's bytes (to stamp a marker that it finds again in the
	 * agent's audio).
	 * @param call the call
	 * @param frame the frame's bytes, reused for the next frame once this returns
	 * @param length how many bytes of {@code frame} are sent
	 * @param nanoTime when, as {@link System#nanoTime()}
	 */
	default void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
	}

	/**
	 * A valid frame of agent audio arrived in answer to a pull ({@code length} 0: answered
	 * empty). A pull that lapsed without an answer is not reported.
	 * @param call the call
	 * @param data the frame's bytes, valid only during this call
	 * @param length how many bytes of {@code data} are audio
	 * @param nanoTime when, as {@link System#nanoTime()}
	 */
	default void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
	}

}
