package io.telcoflow.audio.wav;

import java.time.Duration;
import java.util.Objects;

import io.telcoflow.audio.AudioFormat;

/**
 * The audio of a WAV file: its format and its samples, without the header.
 *
 * @param format the format
 * @param data the samples as stored (s16le, μ-law or A-law bytes)
 */
public record WavAudio(AudioFormat format, byte[] data) {

	/**
	 * Checks the values.
	 * @param format the format
	 * @param data the samples
	 */
	public WavAudio {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Returns how long the audio lasts.
	 * @return the duration
	 */
	public Duration duration() {
		return this.format.duration(this.data.length);
	}

	@Override
	public String toString() {
		return "WavAudio[" + this.format + ", " + duration() + "]";
	}

}
