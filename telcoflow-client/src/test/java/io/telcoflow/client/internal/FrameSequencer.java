package io.telcoflow.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.simulator.AudioFrameObserver;
import io.telcoflow.simulator.SimulatedCall;

/**
 * Numbers each caller frame in its first two bytes and counts the echoes, and those that arrive
 * before the next caller frame (and its pull) is sent: the echoes that left on the pull of their
 * own caller frame. For tests with one call at a time.
 */
final class FrameSequencer implements AudioFrameObserver {

	final AtomicInteger echoed = new AtomicInteger();

	final AtomicInteger onTime = new AtomicInteger();

	private final AtomicInteger sent = new AtomicInteger();

	private final int limit;

	/**
	 * Creates a sequencer.
	 * @param limit how many echoes to count at most
	 */
	FrameSequencer(int limit) {
		this.limit = limit;
	}

	/**
	 * Returns the sequence number a frame was stamped with.
	 * @param pcm the frame, or its echo
	 * @return the number
	 */
	static int sequence(byte[] pcm) {
		return ((pcm[0] & 0xff) << 8) | (pcm[1] & 0xff);
	}

	@Override
	public void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
		int sequence = this.sent.getAndIncrement();
		frame[0] = (byte) (sequence >> 8);
		frame[1] = (byte) sequence;
	}

	@Override
	public void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
		if (length < 2 || this.echoed.get() >= this.limit) {
			return;
		}
		this.echoed.incrementAndGet();
		if (sequence(data) == this.sent.get() - 1) {
			this.onTime.incrementAndGet();
		}
	}

}
