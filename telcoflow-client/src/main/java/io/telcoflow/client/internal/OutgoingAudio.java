package io.telcoflow.client.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.internal.audio.OutgoingAudioBuffer;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssCallClosedException;

/**
 * A call's outgoing audio: checks and buffers what the application sends, lets the media channel
 * answer an open pull at once from the writing thread, and reports playback. It is a class of its
 * own so that the path every outgoing frame takes, from the application to the buffer, reads apart
 * from the call's state and commands.
 */
final class OutgoingAudio {

	private final DefaultActiveCall call;

	private final DefaultTelcoflowClient client;

	private final MediaChannel media;

	private final OutgoingAudioBuffer buffer;

	/** A producer that keeps overfilling the buffer is reported once per interval, not per chunk. */
	private final ReportLimiter fullReports = new ReportLimiter();

	OutgoingAudio(DefaultActiveCall call, DefaultTelcoflowClient client, MediaChannel media) {
		this.call = call;
		this.client = client;
		this.media = media;
		this.buffer = new OutgoingAudioBuffer(client.config().getOutgoingBufferSize(), client.threads().events());
	}

	OutgoingAudioBuffer buffer() {
		return this.buffer;
	}

	void send(byte[] pcm) {
		append(pcm, 0, pcm.length);
	}

	void send(ByteBuffer pcm) {
		int length = pcm.remaining();
		if (pcm.hasArray()) {
			append(pcm.array(), pcm.arrayOffset() + pcm.position(), length);
		}
		else {
			byte[] copy = new byte[length];
			pcm.duplicate().get(copy);
			append(copy, 0, length);
		}
		pcm.position(pcm.position() + length);
	}

	private void append(byte[] pcm, int offset, int length) {
		if ((length & 1) != 0) {
			throw new IllegalArgumentException("PCM s16le audio has an even number of bytes (was " + length + ")");
		}
		if (length == 0) {
			return;
		}
		try {
			this.buffer.append(pcm, offset, length);
		}
		catch (BufferFullException ex) {
			throw reportFull(ex);
		}
		catch (BufferClosedException ex) {
			throw this.client.listeners().error(ex, this.call);
		}
		this.media.audioAppended();
	}

	private BufferFullException reportFull(BufferFullException full) {
		long held = this.fullReports.tryReport();
		if (held < 0) {
			this.client.threads().events().heldBack();
			return full;
		}
		BufferFullException reported = (held == 0) ? full
				: new BufferFullException(full.getMessage() + ReportLimiter.heldBack(held, "of this call"));
		return this.client.listeners().error(reported, this.call);
	}

	void clear() {
		this.buffer.clear();
	}

	int size() {
		return this.buffer.size();
	}

	long played() {
		return this.buffer.taken();
	}

	/**
	 * Waits until the buffered audio has been played.
	 * @param timeout how long at most
	 * @return whether it was played in time
	 */
	boolean awaitPlayback(Duration timeout) {
		try {
			playbackFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			throw Futures.rethrow(ex.getCause());
		}
	}

	CompletableFuture<Void> playbackFuture() {
		return this.buffer.drained(() -> this.client.listeners()
			.error(new WssCallClosedException(
					"Call " + this.call.getCallId() + " ended before its buffered audio was played"), this.call));
	}

	/**
	 * The call ended: audio still buffered will never be played.
	 * @param reason why it ended
	 */
	void close(TerminationReason reason) {
		this.buffer.close(() -> this.client.listeners()
			.error(new WssCallClosedException(
					"Call " + this.call.getCallId() + " ended (" + reason + ") before its buffered audio was played"),
					this.call));
	}

}
