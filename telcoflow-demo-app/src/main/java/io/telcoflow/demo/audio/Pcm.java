package io.telcoflow.demo.audio;

import java.time.Duration;

/**
 * Arithmetic of the calls' audio: signed 16-bit little-endian mono PCM.
 */
public final class Pcm {

	/** Bytes per sample. */
	public static final int BYTES_PER_SAMPLE = 2;

	/** Duration of one frame, the unit in which the server moves audio. */
	public static final Duration FRAME = Duration.ofMillis(20);

	private Pcm() {
	}

	/**
	 * Returns the number of bytes of one 20 ms frame.
	 * @param sampleRate samples per second
	 * @return bytes per frame (960 at 24 kHz)
	 */
	public static int frameBytes(int sampleRate) {
		return bytes(sampleRate, FRAME);
	}

	/**
	 * Returns the number of bytes of audio of a given length, rounded down to a whole sample.
	 * @param sampleRate samples per second
	 * @param duration the length
	 * @return bytes
	 */
	public static int bytes(int sampleRate, Duration duration) {
		return Math.toIntExact(sampleRate * duration.toMillis() / 1000 * BYTES_PER_SAMPLE);
	}

	/**
	 * Returns how long some bytes of audio last.
	 * @param sampleRate samples per second
	 * @param bytes the number of bytes
	 * @return the duration
	 */
	public static Duration duration(int sampleRate, long bytes) {
		return Duration.ofNanos(bytes / BYTES_PER_SAMPLE * 1_000_000_000L / sampleRate);
	}

	/**
	 * Returns the root mean square of the samples in a range, 0 for silence, up to 32768 for a
	 * full-scale square wave.
	 * @param pcm the audio
	 * @param offset the first byte
	 * @param length the number of bytes, even
	 * @return the RMS in sample units
	 */
	public static double rms(byte[] pcm, int offset, int length) {
		int samples = length / BYTES_PER_SAMPLE;
		if (samples == 0) {
			return 0;
		}
		double sumOfSquares = 0;
		for (int i = offset; i < offset + samples * BYTES_PER_SAMPLE; i += BYTES_PER_SAMPLE) {
			int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
			sumOfSquares += (double) sample * sample;
		}
		return Math.sqrt(sumOfSquares / samples);
	}

}
