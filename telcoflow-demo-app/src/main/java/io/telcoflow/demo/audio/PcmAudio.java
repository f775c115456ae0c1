package io.telcoflow.demo.audio;

import java.time.Duration;

/**
 * A piece of s16le mono PCM audio and its sample rate.
 *
 * @param sampleRate samples per second
 * @param pcm the samples
 */
public record PcmAudio(int sampleRate, byte[] pcm) {

	/**
	 * Returns how long the audio lasts.
	 * @return the duration
	 */
	public Duration duration() {
		return Pcm.duration(this.sampleRate, this.pcm.length);
	}

}
