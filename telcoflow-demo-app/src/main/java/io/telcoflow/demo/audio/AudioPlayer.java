package io.telcoflow.demo.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssCallClosedException;

/**
 * Plays prompts on a call: queues them here and hands them to the call's outgoing buffer in
 * 20 ms chunks, keeping a bounded lead buffered, enough to ride out a busy machine but never
 * enough to fill the buffer. {@link #stop()} (barge-in) drops both, so the caller hears silence
 * at once. Driven by the call's audio loop, which calls {@link #pump()} on every turn. Not
 * thread-safe.
 * <p>
 * Recovers where {@code sendAudio} is called, as the SDK recommends: a
 * {@link BufferFullException} leaves the chunk queued here for the next turn, and a
 * {@link BufferClosedException} (the caller hung up mid-prompt) ends the playing.
 */
public final class AudioPlayer {

	private final ActiveCall call;

	private final int chunkBytes;

	private final int leadBytes;

	private final Deque<byte[]> chunks = new ArrayDeque<>();

	private boolean closed;

	private long bufferFullCount;

	/**
	 * Creates a player for a call.
	 * @param call the call
	 * @param lead how much audio to keep in the call's outgoing buffer at most
	 */
	public AudioPlayer(ActiveCall call, Duration lead) {
		this.call = call;
		this.chunkBytes = Pcm.frameBytes(call.getSampleRate());
		this.leadBytes = Math.max(this.chunkBytes, Pcm.bytes(call.getSampleRate(), lead));
	}

	/**
	 * Queues audio after whatever is already queued.
	 * @param audio the audio, at the call's sample rate
	 * @throws IllegalArgumentException when the sample rate is not the call's
	 */
	public void play(PcmAudio audio) {
		if (audio.sampleRate() != this.call.getSampleRate()) {
			throw new IllegalArgumentException("Audio at " + audio.sampleRate() + " Hz cannot be played on a call at "
					+ this.call.getSampleRate() + " Hz");
		}
		byte[] pcm = audio.pcm();
		for (int offset = 0; offset < pcm.length; offset += this.chunkBytes) {
			this.chunks.add(Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + this.chunkBytes)));
		}
	}

	/**
	 * Hands queued chunks to the call until the lead is buffered or nothing is queued.
	 * @return {@code false} once the call's buffer has closed (the call ended), else {@code true}
	 */
	public boolean pump() {
		while (!this.closed && !this.chunks.isEmpty() && this.call.getSendAudioBufferSize() < this.leadBytes) {
			try {
				this.call.sendAudio(this.chunks.peek());
				this.chunks.poll();
			}
			catch (BufferFullException ex) {
				// Keep the chunk and try again on the next turn, once the server has pulled some.
				this.bufferFullCount++;
				return true;
			}
			catch (BufferClosedException ex) {
				this.closed = true;
				this.chunks.clear();
			}
		}
		return !this.closed;
	}

	/**
	 * Stops at once: drops what is queued here and what the call has buffered (barge-in).
	 */
	public void stop() {
		this.chunks.clear();
		if (this.closed) {
			return;
		}
		try {
			this.call.clearSendAudioBuffer();
		}
		catch (WssCallClosedException ex) {
			// The caller hung up at the same moment: nothing left to silence.
			this.closed = true;
		}
	}

	/**
	 * Returns whether everything queued has been handed to the call (it may still be playing).
	 * @return whether nothing is queued here
	 */
	public boolean isQueueEmpty() {
		return this.chunks.isEmpty();
	}

	/**
	 * Returns whether everything has been played: nothing queued here, nothing buffered by the call.
	 * @return whether the player is idle
	 */
	public boolean isIdle() {
		return this.chunks.isEmpty() && (this.closed || this.call.getSendAudioBufferSize() == 0);
	}

	/**
	 * Returns whether the call's buffer has closed.
	 * @return whether the call ended while playing
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Returns how often the call's buffer was found full.
	 * @return the number of {@link BufferFullException}s recovered from
	 */
	public long bufferFullCount() {
		return this.bufferFullCount;
	}

}
