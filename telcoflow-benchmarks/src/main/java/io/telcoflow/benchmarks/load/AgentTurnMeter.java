package io.telcoflow.benchmarks.load;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.telcoflow.simulator.SimulatedCall;

/**
 * Measures the voice agent's turns inside the simulator, on its clock. The caller's script is
 * speech (loud frames) and pauses (all-zero frames) in whole frames. A turn is <em>committed</em>
 * when the caller frame that completes the agent's end-of-utterance silence leaves: the
 * {@code silenceFrames}-th silent frame after the last loud one (before it, no detector can know
 * that the caller stopped). The turn's <strong>added latency</strong> is that instant to the first
 * non-silent agent audio that arrives after it: with instant models, everything the pipeline and
 * the transport add. The raw figure, the end of the caller's speech (the last loud frame) to that
 * audio, is kept beside it.
 * <p>
 * In {@link EchoStats} terms: p50/p99/p99.9 are the added latency; {@code sent} the turns
 * committed in the window; {@code lost} those that got no reply; {@code late} those whose added
 * latency exceeds {@link #LATE_NANOS}; {@code pulls} the pulls while a reply was being played
 * and {@code underruns} those of them that got no audio (a gap in the agent's speech). Per-call
 * state is guarded by the call's lock, which the simulator holds around both callbacks.
 */
final class AgentTurnMeter implements LoadMeter {

	/** Turns whose added latency exceeds this are late (issue 14's target for p99). */
	static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final Map<SimulatedCall, CallTurns> calls = new ConcurrentHashMap<>();

	private final int silenceFrames;

	private final int replyBytes;

	private volatile LatencyHistogram added = new LatencyHistogram();

	private volatile LatencyHistogram raw = new LatencyHistogram();

	private volatile int window;

	private volatile boolean open;

	private final AtomicLong early = new AtomicLong();

	/**
	 * Creates a meter.
	 * @param silenceFrames the caller frames of silence after which the agent's detector ends an
	 * utterance (its minimum silence, rounded up to whole 20 ms frames)
	 * @param replyBytes the bytes of one reply (the fake speech model's output for the fake chat
	 * model's reply)
	 */
	AgentTurnMeter(int silenceFrames, int replyBytes) {
		this.silenceFrames = silenceFrames;
		this.replyBytes = replyBytes;
	}

	@Override
	public void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
		CallTurns turns = this.calls.computeIfAbsent(call, (key) -> new CallTurns());
		turns.callerFrame(loud(frame, length), nanoTime, this);
	}

	@Override
	public void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
		CallTurns turns = this.calls.get(call);
		if (turns != null && length > 0) {
			turns.agentFrame(loud(data, length), length, nanoTime, this);
		}
	}

	private static boolean loud(byte[] data, int length) {
		for (int i = 0; i < length; i++) {
			if (data[i] != 0) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void openWindow() {
		this.added = new LatencyHistogram();
		this.raw = new LatencyHistogram();
		this.window++;
		this.open = true;
	}

	@Override
	public void closeWindow() {
		this.open = false;
	}

	@Override
	public EchoStats stats() {
		long turns = 0;
		long lost = 0;
		long late = 0;
		long pulls = 0;
		long gaps = 0;
		for (Map.Entry<SimulatedCall, CallTurns> entry : this.calls.entrySet()) {
			synchronized (entry.getKey()) {
				CallTurns call = entry.getValue();
				if (call.window != this.window) {
					continue;
				}
				turns += call.turns;
				lost += call.turns - call.answered;
				late += call.late;
				pulls += call.replyPulls;
				gaps += call.gaps;
			}
		}
		LatencyHistogram current = this.added;
		return new EchoStats(current.quantileMillis(0.5), current.quantileMillis(0.99), current.quantileMillis(0.999),
				pulls, gaps, turns, lost, late);
	}

	/** The raw figure of the last window: the end of the caller's speech to the first reply audio. */
	String describeRaw() {
		LatencyHistogram current = this.raw;
		return String.format(Locale.ROOT, "end of speech to first reply audio p50/p99=%.1f/%.1f ms (of which %d ms "
				+ "are the end-of-utterance silence); replies before the silence was complete: %d",
				current.quantileMillis(0.5), current.quantileMillis(0.99), this.silenceFrames * 20, this.early.get());
	}

	/**
	 * The turns of one call in the current window.
	 */
	private static final class CallTurns {

		int window;

		boolean speaking;

		int silentFrames;

		long speechEndedAt;

		long committedAt;

		boolean awaitingReply;

		boolean counted;

		int replyReceived = -1;

		boolean previousPullInReply;

		boolean lastPullAnswered;

		long turns;

		long answered;

		long late;

		long replyPulls;

		long gaps;

		void callerFrame(boolean loud, long nanoTime, AgentTurnMeter meter) {
			if (meter.open && this.window != meter.window) {
				this.window = meter.window;
				this.turns = 0;
				this.answered = 0;
				this.late = 0;
				this.replyPulls = 0;
				this.gaps = 0;
			}
			boolean inReply = this.replyReceived >= 0;
			if (this.previousPullInReply && this.counted) {
				this.replyPulls++;
				if (!this.lastPullAnswered) {
					this.gaps++;
				}
			}
			this.previousPullInReply = inReply;
			this.lastPullAnswered = false;
			if (loud) {
				this.speaking = true;
				this.silentFrames = 0;
				this.speechEndedAt = nanoTime;
				return;
			}
			if (this.speaking && ++this.silentFrames == meter.silenceFrames) {
				this.speaking = false;
				this.committedAt = nanoTime;
				this.awaitingReply = true;
				this.counted = meter.open && this.window == meter.window;
				if (this.counted) {
					this.turns++;
				}
			}
		}

		void agentFrame(boolean loud, int length, long nanoTime, AgentTurnMeter meter) {
			this.lastPullAnswered = true;
			if (this.replyReceived >= 0) {
				this.replyReceived += length;
				if (this.replyReceived >= meter.replyBytes) {
					this.replyReceived = -1;
				}
			}
			if (loud && this.speaking && this.silentFrames > 0) {
				// the agent answered before the caller's silence was long enough: the meter's
				// silence does not match the agent's, and its figures would be wrong
				meter.early.incrementAndGet();
			}
			if (!loud || !this.awaitingReply) {
				return;
			}
			this.awaitingReply = false;
			this.replyReceived = length;
			if (this.counted) {
				long delay = nanoTime - this.committedAt;
				meter.added.record(Math.max(0, delay));
				meter.raw.record(nanoTime - this.speechEndedAt);
				this.answered++;
				if (delay > LATE_NANOS) {
					this.late++;
				}
			}
		}

	}

}
