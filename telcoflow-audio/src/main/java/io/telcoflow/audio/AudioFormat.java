package io.telcoflow.audio;

import java.time.Duration;

/**
 * What a stream of audio is: its sample rate and encoding, always one channel. Gives the
 * arithmetic between bytes and time.
 *
 * @param sampleRate samples per second, positive
 * @param encoding how each sample is stored
 */
public record AudioFormat(int sampleRate, AudioEncoding encoding) {

	/** 16-bit PCM at 8 kHz. */
	public static final AudioFormat PCM_8K = pcm(8_000);

	/** 16-bit PCM at 16 kHz: what most speech-to-text models take. */
	public static final AudioFormat PCM_16K = pcm(16_000);

	/** 16-bit PCM at 24 kHz: the calls' audio and many realtime speech models. */
	public static final AudioFormat PCM_24K = pcm(24_000);

	/** 16-bit PCM at 48 kHz. */
	public static final AudioFormat PCM_48K = pcm(48_000);

	/** G.711 μ-law at 8 kHz: telephony in North America and Japan. */
	public static final AudioFormat MULAW_8K = new AudioFormat(8_000, AudioEncoding.MULAW);

	/** G.711 A-law at 8 kHz: telephony elsewhere. */
	public static final AudioFormat ALAW_8K = new AudioFormat(8_000, AudioEncoding.ALAW);

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	/**
	 * Checks the values.
	 * @param sampleRate samples per second, positive
	 * @param encoding how each sample is stored
	 * @throws IllegalArgumentException when the sample rate is not positive
	 */
	public AudioFormat {
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("Sample rate must be positive, was " + sampleRate);
		}
		if (encoding == null) {
			throw new IllegalArgumentException("Encoding must not be null");
		}
	}

	/**
	 * Returns 16-bit PCM at a sample rate.
	 * @param sampleRate samples per second
	 * @return the format
	 */
	public static AudioFormat pcm(int sampleRate) {
		return new AudioFormat(sampleRate, AudioEncoding.PCM_S16LE);
	}

	/**
	 * Returns the number of channels, always 1.
	 * @return 1
	 */
	public int channels() {
		return 1;
	}

	/**
	 * Returns the size of one sample.
	 * @return bytes per sample
	 */
	public int bytesPerSample() {
		return this.encoding.bytesPerSample();
	}

	/**
	 * Returns how many bytes one second of audio takes.
	 * @return bytes per second
	 */
	public int bytesPerSecond() {
		return this.sampleRate * bytesPerSample();
	}

	/**
	 * Returns how many bytes audio of a duration takes, rounded down to a whole sample.
	 * @param duration the duration, not negative
	 * @return the number of bytes
	 * @throws IllegalArgumentException when the duration is negative
	 * @throws ArithmeticException when the result does not fit an {@code int}
	 */
	public int bytes(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Duration must not be negative, was " + duration);
		}
		return Math.toIntExact(samples(duration) * bytesPerSample());
	}

	/**
	 * Returns how many samples audio of a duration has, rounded down.
	 * @param duration the duration, not negative
	 * @return the number of samples
	 */
	public long samples(Duration duration) {
		long seconds = duration.getSeconds();
		return seconds * this.sampleRate + (long) duration.getNano() * this.sampleRate / NANOS_PER_SECOND;
	}

	/**
	 * Returns how long some bytes of audio last (whole samples only; a trailing partial sample
	 * does not count).
	 * @param bytes the number of bytes, not negative
	 * @return the duration, rounded down to the nanosecond
	 */
	public Duration duration(long bytes) {
		if (bytes < 0) {
			throw new IllegalArgumentException("Byte count must not be negative, was " + bytes);
		}
		long samples = bytes / bytesPerSample();
		long seconds = samples / this.sampleRate;
		long rest = samples % this.sampleRate;
		return Duration.ofSeconds(seconds, rest * NANOS_PER_SECOND / this.sampleRate);
	}

	/**
	 * Returns the same encoding at another sample rate.
	 * @param sampleRate samples per second
	 * @return the format
	 */
	public AudioFormat withSampleRate(int sampleRate) {
		return new AudioFormat(sampleRate, this.encoding);
	}

	@Override
	public String toString() {
		return this.encoding + "@" + this.sampleRate + "Hz";
	}

}
