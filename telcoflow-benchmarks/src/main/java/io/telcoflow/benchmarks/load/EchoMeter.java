package io.telcoflow.benchmarks.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.telcoflow.simulator.SimulatedCall;

/**
 * Measures the echo inside the simulator: stamps every caller frame with a marker and a sequence
 * number (in its first six bytes; the rest is silence), remembers when it left, finds the marker
 * again in the agent's audio and records the delay. A pull that got no audio is an underrun: the
 * caller frame sent with each pull is echo audio due by then. Per-call state is guarded by the
 * call's lock, which the simulator holds around both callbacks.
 */
final class EchoMeter implements LoadMeter {

	/** Frames whose echo takes longer than this are late. */
	static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(60);

	private static final byte MARK = 0x7E;

	private static final int RING = 256;

	private final Map<SimulatedCall, CallMeter> calls = new ConcurrentHashMap<>();

	private volatile LatencyHistogram delays = new LatencyHistogram();

	private volatile int window;

	private volatile boolean open;

	@Override
	public void callerFrame(SimulatedCall call, byte[] frame, int length, long nanoTime) {
		CallMeter meter = this.calls.computeIfAbsent(call, (key) -> new CallMeter());
		meter.sent(frame, nanoTime, this.open, this.window);
	}

	@Override
	public void agentFrame(SimulatedCall call, byte[] data, int length, long nanoTime) {
		CallMeter meter = this.calls.get(call);
		if (meter != null && length > 0) {
			meter.echoed(data, length, nanoTime, this.delays);
		}
	}

	@Override
	public void openWindow() {
		this.delays = new LatencyHistogram();
		this.window++;
		this.open = true;
	}

	/** Ends the window: frames sent from now on do not count (echoes of earlier ones still do). */
	@Override
	public void closeWindow() {
		this.open = false;
	}

	@Override
	public EchoStats stats() {
		long pulls = 0;
		long underruns = 0;
		long sent = 0;
		long echoed = 0;
		long late = 0;
		for (Map.Entry<SimulatedCall, CallMeter> entry : this.calls.entrySet()) {
			synchronized (entry.getKey()) {
				CallMeter meter = entry.getValue();
				if (meter.window != this.window) {
					continue;
				}
				pulls += meter.pulls;
				underruns += meter.underruns;
				sent += meter.sentInWindow;
				echoed += meter.echoedInWindow;
				late += meter.late;
			}
		}
		LatencyHistogram current = this.delays;
		return new EchoStats(current.quantileMillis(0.5), current.quantileMillis(0.99), current.quantileMillis(0.999),
				pulls, underruns, sent, sent - echoed, late);
	}

	void forget(SimulatedCall call) {
		this.calls.remove(call);
	}

	/**
	 * Echo counts of one call in the current window.
	 */
	private static final class CallMeter {

		final long[] sentAt = new long[RING];

		final int[] sentSeq = new int[RING];

		int seq;

		boolean lastPullAnswered = true;

		int window;

		int firstSeq = Integer.MAX_VALUE;

		int lastSeq = Integer.MAX_VALUE;

		long pulls;

		long underruns;

		long sentInWindow;

		long echoedInWindow;

		long late;

		void sent(byte[] frame, long nanoTime, boolean open, int currentWindow) {
			int next = ++this.seq;
			if (open && this.window != currentWindow) {
				this.window = currentWindow;
				this.firstSeq = next;
				this.lastSeq = Integer.MAX_VALUE;
				this.pulls = 0;
				this.underruns = 0;
				this.sentInWindow = 0;
				this.echoedInWindow = 0;
				this.late = 0;
			}
			boolean counting = open && this.window == currentWindow;
			if (!open && this.window == currentWindow && this.lastSeq == Integer.MAX_VALUE) {
				this.lastSeq = next - 1;
			}
			if (counting) {
				// the previous pull carried echo audio due since the frame sent with it
				if (next > this.firstSeq) {
					this.pulls++;
					if (!this.lastPullAnswered) {
						this.underruns++;
					}
				}
				this.sentInWindow++;
			}
			this.lastPullAnswered = false;
			frame[0] = MARK;
			frame[1] = MARK;
			frame[2] = (byte) next;
			frame[3] = (byte) (next >>> 8);
			frame[4] = (byte) (next >>> 16);
			frame[5] = (byte) (next >>> 24);
			this.sentAt[next % RING] = nanoTime;
			this.sentSeq[next % RING] = next;
		}

		void echoed(byte[] data, int length, long nanoTime, LatencyHistogram delays) {
			this.lastPullAnswered = true;
			if (length >= 6 && data[0] == MARK && data[1] == MARK) {
				match(data, 0, nanoTime, delays);
				if (length <= 960) {
					return;
				}
			}
			for (int i = 2; i + 6 <= length; i += 2) {
				if (data[i] == MARK && data[i + 1] == MARK) {
					match(data, i, nanoTime, delays);
				}
			}
		}

		private void match(byte[] data, int at, long nanoTime, LatencyHistogram delays) {
			int seq = (data[at + 2] & 0xFF) | (data[at + 3] & 0xFF) << 8 | (data[at + 4] & 0xFF) << 16
					| (data[at + 5] & 0xFF) << 24;
			if (seq < this.firstSeq || seq > this.lastSeq || this.sentSeq[seq % RING] != seq) {
				return;
			}
			long delay = nanoTime - this.sentAt[seq % RING];
			delays.record(delay);
			this.echoedInWindow++;
			if (delay > LATE_NANOS) {
				this.late++;
			}
		}

	}

}
