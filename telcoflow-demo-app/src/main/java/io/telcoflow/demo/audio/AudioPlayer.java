package io.telcoflow.demo.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Reframer;
import io.telcoflow.audio.wav.WavAudio;
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
		AudioFormat format = call.getAudioFormat();
		this.chunkBytes = format.bytes(Reframer.DEFAULT_FRAME);
		this.leadBytes = Math.max(this.chunkBytes, format.bytes(lead));
	}

	/**
	 * Queues audio after whatever is already queued, converted to the call's format if it is in
	 * another (a prompt recorded at 16 kHz or as 8 kHz μ-law plays as well).
	 * @param audio the audio, in any format the SDK converts
	 * @throws IllegalArgumentException when its sample rate cannot be converted
	 */
	public void play(WavAudio audio) {
		byte[] pcm = audio.data();
		if (!audio.format().equals(this.call.getAudioFormat())) {
			AudioConverter converter = new AudioConverter(audio.format(), this.call.getAudioFormat());
			byte[] body = converter.convert(pcm);
			byte[] tail = converter.flush();
			pcm = java.util.Arrays.copyOf(body, body.length + tail.length);
			System.arraycopy(tail, 0, pcm, body.length, tail.length);
		}
		Reframer frames = new Reframer(this.chunkBytes);
		this.chunks.addAll(frames.add(pcm));
		byte[] rest = frames.flush();
		if (rest.length > 0) {
			this.chunks.add(rest);
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
