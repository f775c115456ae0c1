package io.telcoflow.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts audio that arrives in chunks of any size (odd byte counts included) into frames of exactly
 * one size, for example the 20 ms frames a model or a telephony bridge expects. No byte is lost or
 * duplicated: what does not fill a frame waits for the next chunk, and {@link #flush()} returns
 * the rest at the end. Not thread-safe: one re-framer per stream.
 */
public final class Reframer {

	/** The usual frame of telephony and of the calls' audio. */
	public static final Duration DEFAULT_FRAME = Duration.ofMillis(20);

	private final byte[] pending;

	private int pendingLength;

	/**
	 * Creates a re-framer for frames of a duration of audio in a format.
	 * @param format the audio's format
	 * @param frame the frame's duration, at least one sample long
	 * @throws IllegalArgumentException when the frame is shorter than one sample
	 */
	public Reframer(AudioFormat format, Duration frame) {
		this(format.bytes(Objects.requireNonNull(frame, "frame")));
	}

	/**
	 * Creates a re-framer for frames of a number of bytes.
	 * @param frameBytes bytes per frame, positive
	 * @throws IllegalArgumentException when not positive
	 */
	public Reframer(int frameBytes) {
		if (frameBytes <= 0) {
			throw new IllegalArgumentException("Frame size must be positive, was " + frameBytes + " bytes");
		}
		this.pending = new byte[frameBytes];
	}

	/**
	 * Returns the size of the frames.
	 * @return bytes per frame
	 */
	public int frameBytes() {
		return this.pending.length;
	}

	/**
	 * Returns how many bytes wait for a frame to fill.
	 * @return bytes held, less than a frame
	 */
	public int pendingBytes() {
		return this.pendingLength;
	}

	/**
	 * Adds a chunk and returns the frames it completed.
	 * @param chunk the audio, any length
	 * @return the completed frames, in order, each a new array of {@link #frameBytes()} bytes;
	 * empty when none completed
	 */
	public List<byte[]> add(byte[] chunk) {
		return add(chunk, 0, chunk.length);
	}

	/**
	 * Adds a range of an array and returns the frames it completed.
	 * @param chunk the array
	 * @param offset the first byte
	 * @param length the number of bytes
	 * @return the completed frames, in order
	 */
	public List<byte[]> add(byte[] chunk, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, chunk.length);
		int frameBytes = this.pending.length;
		int total = this.pendingLength + length;
		if (total < frameBytes) {
			System.arraycopy(chunk, offset, this.pending, this.pendingLength, length);
			this.pendingLength = total;
			return List.of();
		}
		List<byte[]> frames = new ArrayList<>(total / frameBytes);
		int index = offset;
		int end = offset + length;
		if (this.pendingLength > 0) {
			byte[] frame = Arrays.copyOf(this.pending, frameBytes);
			int fill = frameBytes - this.pendingLength;
			System.arraycopy(chunk, index, frame, this.pendingLength, fill);
			index += fill;
			this.pendingLength = 0;
			frames.add(frame);
		}
		while (end - index >= frameBytes) {
			frames.add(Arrays.copyOfRange(chunk, index, index + frameBytes));
			index += frameBytes;
		}
		this.pendingLength = end - index;
		System.arraycopy(chunk, index, this.pending, 0, this.pendingLength);
		return frames;
	}

	/**
	 * Returns the bytes that wait for a frame (possibly fewer than a frame, possibly an odd count)
	 * and forgets them.
	 * @return the rest, empty when none
	 */
	public byte[] flush() {
		byte[] rest = Arrays.copyOf(this.pending, this.pendingLength);
		this.pendingLength = 0;
		return rest;
	}

	/**
	 * Returns the bytes that wait, padded with {@code padding} bytes to a whole frame (use 0 for
	 * PCM silence, {@code (byte) 0xFF} for μ-law, {@code (byte) 0xD5} for A-law), and forgets them.
	 * @param padding the byte to pad with
	 * @return a full frame, or empty when nothing waits
	 */
	public byte[] flushPadded(byte padding) {
		if (this.pendingLength == 0) {
			return new byte[0];
		}
		byte[] frame = Arrays.copyOf(this.pending, this.pending.length);
		Arrays.fill(frame, this.pendingLength, frame.length, padding);
		this.pendingLength = 0;
		return frame;
	}

}
