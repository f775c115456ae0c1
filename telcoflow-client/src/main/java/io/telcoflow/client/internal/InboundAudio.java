package io.telcoflow.client.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import io.telcoflow.client.audio.AudioListener;
import io.telcoflow.client.internal.audio.InboundAudioStream;
import io.telcoflow.client.exception.WssMediaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's inbound audio on its way to the application: into its {@link InboundAudioStream}, or,
 * once the application has set an {@link AudioListener}, straight to that listener on the media
 * reader thread. It is a class of its own because running application code on a reader thread
 * brings its own rules (a listener that throws is isolated, a slow one reported, a blocking call
 * inside one refused), and those belong neither to the call's state nor to the connection.
 */
final class InboundAudio {

	/** An audio listener slower than this (one frame) is reported. */
	static final long SLOW_LISTENER_NANOS = 20_000_000;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** Whether the listener's own CPU time can be told from the time it took (not on every JVM). */
	private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported()
			&& THREADS.isThreadCpuTimeEnabled();

	/** Set while the reader thread runs an audio listener. */
	private static final ThreadLocal<Boolean> IN_AUDIO_LISTENER = new ThreadLocal<>();

	// the media channel's category, where this warning has always been logged: configurations name it
	private static final Logger logger = LoggerFactory.getLogger(MediaChannel.class);

	private final DefaultActiveCall call;

	private final DefaultTelcoflowClient client;

	private final InboundAudioStream stream;

	private final AtomicReference<@Nullable AudioListener> listener = new AtomicReference<>();

	/** Whether a slow audio listener was reported (only the reader thread touches it). */
	private boolean slowListenerReported;

	InboundAudio(DefaultActiveCall call, DefaultTelcoflowClient client) {
		this.call = call;
		this.client = client;
		this.stream = new InboundAudioStream(client.config().getInboundQueueFrames(),
				(bytes) -> client.listeners().eachNow((listener) -> listener.onInboundAudioDropped(call, bytes)));
	}

	InboundAudioStream stream() {
		return this.stream;
	}

	/**
	 * Sets the listener that takes inbound audio instead of the stream.
	 * @param listener the listener, or {@code null} for the stream
	 */
	void setListener(@Nullable AudioListener listener) {
		this.listener.set(listener);
	}

	/**
	 * Removes a listener that failed, unless the application has set another one meanwhile.
	 * @param failed the listener
	 */
	private void removeListener(AudioListener failed) {
		this.listener.compareAndSet(failed, null);
	}

	/**
	 * Hands an inbound chunk to the listener, if one is set, else to the stream (reader thread).
	 * @param chunk the chunk, owned by the application from now on
	 */
	void received(byte[] chunk) {
		AudioListener audioListener = this.listener.get();
		if (audioListener != null) {
			deliver(audioListener, chunk);
		}
		else {
			this.stream.offer(chunk);
		}
	}

	/**
	 * Hands a chunk to the application's audio listener, on this reader thread. A listener that
	 * throws is removed and its call ended as if its handler had thrown; one slower than a frame is
	 * reported once per call (and the client's reports are rate-limited), saying how much of the time
	 * was the listener's own work.
	 */
	private void deliver(AudioListener audioListener, byte[] chunk) {
		long start = System.nanoTime();
		// the listener's CPU time matters only for the one report per call: once it went, not read
		long cpuStart = (CPU_TIME && !this.slowListenerReported) ? THREADS.getCurrentThreadCpuTime() : -1;
		// set and reset, never removed: removing would allocate a new entry for every frame
		IN_AUDIO_LISTENER.set(Boolean.TRUE);
		try {
			audioListener.onAudio(chunk);
		}
		catch (Throwable ex) {
			// never onto the socket's reader: that would close this connection, and resume it
			removeListener(audioListener);
			this.client.handlerFailed(this.call, ex);
			return;
		}
		finally {
			IN_AUDIO_LISTENER.set(Boolean.FALSE);
		}
		long tookNanos = System.nanoTime() - start;
		if (tookNanos > SLOW_LISTENER_NANOS && !this.slowListenerReported) {
			this.slowListenerReported = true;
			long cpuNanos = (cpuStart >= 0) ? THREADS.getCurrentThreadCpuTime() - cpuStart : -1;
			long held = this.client.slowAudioListenerReports().tryReport();
			if (held >= 0) {
				logger.warn("{}{}", slowListener(this.call.getCallId(), tookNanos, cpuNanos),
						ReportLimiter.heldBack(held, "calls' slow audio listeners"));
			}
		}
	}

	/**
	 * Words the report of a listener that held the reader thread longer than a frame. Under CPU
	 * starvation a listener that only called {@code sendAudio} can take that long without doing
	 * anything wrong, so the report blames the listener only for the CPU time it used itself.
	 * @param callId the call
	 * @param tookNanos from the listener's call to its return
	 * @param cpuNanos the CPU time the listener used, {@code -1} when unknown
	 * @return the message
	 */
	static String slowListener(String callId, long tookNanos, long cpuNanos) {
		String took = "The audio listener of call " + callId + " held the media reader thread (which also reads "
				+ "other calls' audio) for " + (tookNanos / 1_000_000) + " ms";
		if (cpuNanos < 0) {
			return took + " (its own CPU time is not measurable on this JVM); hand slow work to another thread, or "
					+ "look for a machine short of CPU";
		}
		if (cpuNanos >= SLOW_LISTENER_NANOS) {
			return took + ", " + (cpuNanos / 1_000_000) + " ms of it computing; hand slow work to another thread";
		}
		Runtime runtime = Runtime.getRuntime();
		return took + " but used only " + (cpuNanos / 1_000_000) + " ms of CPU: the rest it was blocked (a lock, I/O, "
				+ "a sleep) or waiting for a CPU (system load average " + loadAverage() + " on "
				+ runtime.availableProcessors() + " CPUs)";
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load < 0) ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
	}

	/**
	 * Fails a blocking call made from inside an audio listener: its result could only arrive on
	 * the reader thread that the listener is holding.
	 * @param what the method, for the message
	 */
	static void refuseBlockingInAudioListener(String what) {
		if (Boolean.TRUE.equals(IN_AUDIO_LISTENER.get())) {
			throw new IllegalStateException(what + " blocks until the server answers on this call's media connection, "
					+ "whose reader thread runs this AudioListener; use its *Async variant (or playbackFuture()) here");
		}
	}

	/**
	 * The call ended: the stream ends too, with the failure that ended it, if any.
	 * @param failure the failure, or {@code null}
	 */
	void end(@Nullable WssMediaException failure) {
		this.stream.end(failure);
	}

}
