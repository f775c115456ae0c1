package io.telcoflow.simulator;

import java.time.Instant;
import java.util.ArrayDeque;

import io.telcoflow.simulator.websocket.WebSocketConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio side of one call: the caller's audio cursor, the pull accounting, and the per-frame
 * send path (reused buffers, a pre-encoded {@code audio.pull}). Guarded by the call's lock.
 */
final class CallAudio {

	private static final Logger logger = LoggerFactory.getLogger(CallAudio.class);

	private final ArrayDeque<byte[]> queued = new ArrayDeque<>();

	private byte[] scripted = new byte[0];

	private int scriptedPosition;

	private boolean repeat;

	private int queuedPosition;

	private int sampleRate = 24000;

	private int frameBytes = 960;

	private byte[] frame = new byte[960];

	private byte[] pullFrame = encodePull(960);

	private long connectionPulls;

	private long connectionFrames;

	void start(CallScript script, int sampleRate, String callId) {
		this.sampleRate = sampleRate;
		this.frameBytes = sampleRate / 50 * 2;
		this.frame = new byte[this.frameBytes];
		this.pullFrame = encodePull(this.frameBytes);
		this.repeat = script.repeatAudio();
		CallerAudio callerAudio = script.callerAudio();
		if (callerAudio != null) {
			try {
				this.scripted = callerAudio.render(sampleRate);
			}
			catch (IllegalArgumentException ex) {
				logger.error("Call {}: caller audio {} cannot be played, the caller stays silent: {}", callId,
						callerAudio, ex.getMessage());
			}
		}
	}

	/** The call is over: lets go of the caller's rendered audio, which a long-lived simulator must not keep. */
	void release() {
		this.scripted = new byte[0];
		this.scriptedPosition = 0;
		this.queued.clear();
		this.queuedPosition = 0;
	}

	private static byte[] encodePull(int bytes) {
		return WebSocketConnection.encodeTextFrame("{\"type\":\"audio.pull\",\"bytes\":" + bytes + "}");
	}

	int sampleRate() {
		return this.sampleRate;
	}

	void append(byte[] pcm) {
		if (pcm.length > 0) {
			this.queued.add(pcm.clone());
		}
	}

	/**
	 * From now on each pull asks for 64 KiB, the most a pull may (a fault: with a peer that no
	 * longer reads, the client's writes fill the socket buffers in a second, not in minutes).
	 */
	void pullMaximum() {
		this.pullFrame = encodePull(64 * 1024);
	}

	void resetPull() {
		this.pullFrame = encodePull(this.frameBytes);
		this.connectionPulls = 0;
		this.connectionFrames = 0;
	}

	void tick(WebSocketConnection connection, CallRecord record, @Nullable AudioFrameObserver observer,
			SimulatedCall call) {
		fillFrame();
		if (observer != null) {
			observer.callerFrame(call, this.frame, this.frameBytes, System.nanoTime());
		}
		this.connectionPulls++;
		record.pull();
		record.callerFrame();
		connection.sendBinaryAndFrame(this.frame, this.frameBytes, this.pullFrame);
	}

	private void fillFrame() {
		int filled = 0;
		while (filled < this.frameBytes) {
			if (this.scriptedPosition < this.scripted.length) {
				int n = Math.min(this.frameBytes - filled, this.scripted.length - this.scriptedPosition);
				System.arraycopy(this.scripted, this.scriptedPosition, this.frame, filled, n);
				this.scriptedPosition += n;
				filled += n;
			}
			else if (!this.queued.isEmpty()) {
				byte[] head = this.queued.peek();
				int n = Math.min(this.frameBytes - filled, head.length - this.queuedPosition);
				System.arraycopy(head, this.queuedPosition, this.frame, filled, n);
				this.queuedPosition += n;
				filled += n;
				if (this.queuedPosition == head.length) {
					this.queued.poll();
					this.queuedPosition = 0;
				}
			}
			else if (this.repeat && this.scripted.length > 0) {
				this.scriptedPosition = 0;
			}
			else {
				java.util.Arrays.fill(this.frame, filled, this.frameBytes, (byte) 0);
				filled = this.frameBytes;
			}
		}
	}

	/**
	 * An agent audio frame arrived. A correct client answers each pull with at most one frame, so
	 * frames never outnumber pulls on a connection, however late they arrive.
	 */
	void agentFrame(byte[] data, int length, CallRecord record, @Nullable AudioFrameObserver observer,
			SimulatedCall call) {
		if (this.connectionFrames >= this.connectionPulls) {
			record.protocolError("unpulled audio frame of " + length + " bytes dropped");
			return;
		}
		this.connectionFrames++;
		record.answeredPull();
		if (length > this.frameBytes) {
			record.protocolError("audio frame of " + length + " bytes exceeds the pulled " + this.frameBytes
					+ " bytes; dropped");
			return;
		}
		if (length % 2 != 0) {
			record.protocolError("audio frame of odd length " + length + " dropped");
			return;
		}
		if (observer != null) {
			observer.agentFrame(call, data, length, System.nanoTime());
		}
		if (length == 0) {
			record.emptyPull();
			return;
		}
		record.agentAudio(data, length, Instant.now());
	}

}
