package io.telcoflow.deployment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.telcoflow.simulator.AudioFrameObserver;
import io.telcoflow.simulator.SimulatedCall;

/**
 * Checks, inside the simulator, that each call's echo goes on without a break, on the media clock:
 * every caller frame is stamped with its number (frame n leaves at the n-th 20 ms tick of the
 * call), and the agent's audio must bring the frames back in order. A break is the caller's frames
 * missing from the echo plus the frames of silence (pulls answered with nothing or with unstamped
 * audio) between two echoed frames, counted in frames of 20 ms; pulls never answered at all
 * (the simulator plays silence for them) are added to it, since where they fell is not known.
 * <p>
 * Counting frames rather than time is what makes this hold on a loaded machine: a JVM that is
 * descheduled for 200 ms and then catches up answers every pull late but in order, so its echo is
 * late, not broken; a client that dropped audio or answered pulls with nothing is caught however
 * fast the machine is. How late the echo arrived is reported too (frames sent between a frame and
 * its echo, and the longest run of ticks without an echo arriving), but not asserted.
 * <p>
 * The simulator calls both methods with the call's lock held, which guards each call's track.
 */
final class EchoContinuity implements AudioFrameObserver {

	private static final byte MARK = 0x5A;

	private final Map<String, Track> tracks = new ConcurrentHashMap<>();

	@Override
	public void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
		Track track = this.tracks.computeIfAbsent(call.callId(), (id) -> new Track());
		int number = ++track.sent;
		frame[0] = MARK;
		frame[1] = MARK;
		frame[2] = (byte) number;
		frame[3] = (byte) (number >>> 8);
		frame[4] = (byte) (number >>> 16);
		frame[5] = (byte) (number >>> 24);
	}

	@Override
	public void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
		Track track = this.tracks.get(call.callId());
		if (track != null) {
			track.echoed(data, length);
		}
	}

	/** The track of a call, {@code null} when none of its audio passed. */
	Track track(String callId) {
		return this.tracks.get(callId);
	}

	/**
	 * What the simulator saw of one call's echo.
	 */
	static final class Track {

		/** Caller frames sent so far: the call's media clock, in ticks of 20 ms. */
		int sent;

		/** Echoed frames received. */
		int echoed;

		/** Pulls answered, with audio or empty. */
		int answers;

		/** The number of the last caller frame echoed, 0 before the first. */
		int lastEchoed;

		/** Frames of silence since the last echoed frame. */
		int silence;

		/** The longest break between two echoed frames, in frames. */
		int longestBreak;

		/** Echoed frames that came back out of order or twice. */
		int disordered;

		/** The tick at which the last echoed frame arrived. */
		int lastArrival;

		/** The longest run of ticks with no echoed frame arriving (how late, not how broken). */
		int longestArrivalGap;

		/** The most ticks between a frame leaving and its echo arriving. */
		int longestDelay;

		void echoed(byte[] data, int length) {
			this.answers++;
			if (length < 6 || data[0] != MARK || data[1] != MARK) {
				if (this.lastEchoed > 0) {
					this.silence++;
				}
				return;
			}
			int number = (data[2] & 0xFF) | (data[3] & 0xFF) << 8 | (data[4] & 0xFF) << 16 | (data[5] & 0xFF) << 24;
			if (number <= this.lastEchoed) {
				this.disordered++;
				return;
			}
			if (this.lastEchoed > 0) {
				this.longestBreak = Math.max(this.longestBreak, number - this.lastEchoed - 1 + this.silence);
				this.longestArrivalGap = Math.max(this.longestArrivalGap, this.sent - this.lastArrival - 1);
			}
			this.longestDelay = Math.max(this.longestDelay, this.sent - number);
			this.lastEchoed = number;
			this.lastArrival = this.sent;
			this.silence = 0;
			this.echoed++;
		}

		/**
		 * Pulls never answered. The last two are left out: at hang-up one pull is open (an echo
		 * answers pull n with frame n + 1) and the answer to the one before may be on its way.
		 */
		int unanswered() {
			return Math.max(0, this.sent - this.answers - 2);
		}

		/** The longest interruption of the echo in frames: the longest break plus the unanswered pulls. */
		int interruption() {
			return this.longestBreak + unanswered();
		}

		@Override
		public String toString() {
			return "Track[sent=" + this.sent + ", echoed=" + this.echoed + ", unanswered=" + unanswered()
					+ ", longestBreak=" + this.longestBreak
					+ " frames, disordered=" + this.disordered + ", longestArrivalGap=" + this.longestArrivalGap
					+ " ticks, longestDelay=" + this.longestDelay + " ticks]";
		}

	}

}
