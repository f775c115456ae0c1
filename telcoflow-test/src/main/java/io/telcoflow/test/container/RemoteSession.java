package io.telcoflow.test.container;

/**
 * A control connection to a containerised simulator, as the simulator saw it when it was read.
 *
 * @param id the session id
 * @param open whether the control connection is open
 * @param ready whether the application declared itself ready for calls
 * @param paused whether the application paused new calls
 * @param maxCalls the most calls the application accepts at once ({@code 0}: no limit)
 * @param available how many more calls the application said it can take
 * @param activeCalls how many calls are assigned to the session now
 * @param sampleRate the session's audio sample rate
 * @param readyCount how many times the session became ready
 */
public record RemoteSession(String id, boolean open, boolean ready, boolean paused, int maxCalls, int available,
		int activeCalls, int sampleRate, int readyCount) {

}
