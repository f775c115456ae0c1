package io.telcoflow.speech.offline;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.audio.tts.TextToSpeechOptions;

/**
 * Options of {@link FreeTtsTextToSpeechModel}: Spring AI's four (model, voice, format, speed) and
 * the sample rate of the audio returned. A value left out ({@code null}) takes the model's default;
 * the model's defaults are {@link #defaults()} unless it was built with others.
 * <ul>
 * <li>{@code model}: {@value #MODEL} (the only one)</li>
 * <li>{@code voice}: {@value #VOICE_16K} (16 kHz diphone voice, the default) or
 * {@value #VOICE_8K} (8 kHz, narrower and rougher)</li>
 * <li>{@code format}: {@value #FORMAT_PCM} (signed 16-bit little-endian mono samples without a
 * header, the call's own encoding; the default) or {@value #FORMAT_WAV} (the same samples in a WAV
 * file)</li>
 * <li>{@code speed}: 1.0 is the voice's own pace (150 words per minute); 2.0 twice as fast</li>
 * <li>{@code sampleRate}: of the audio returned, one of
 * {@link io.telcoflow.audio.resample.Resampler#SUPPORTED_RATES}; the default is 24,000 Hz, a
 * Telcoflow call's rate. The voice's audio is resampled to it.</li>
 * </ul>
 * Immutable.
 */
public final class FreeTtsTextToSpeechOptions implements TextToSpeechOptions {

	/** The model's name. */
	public static final String MODEL = "freetts";

	/** FreeTTS's 16 kHz US English male diphone voice. */
	public static final String VOICE_16K = "kevin16";

	/** FreeTTS's 8 kHz US English male diphone voice. */
	public static final String VOICE_8K = "kevin";

	/** Raw signed 16-bit little-endian mono PCM. */
	public static final String FORMAT_PCM = "pcm";

	/** A WAV file of 16-bit mono PCM. */
	public static final String FORMAT_WAV = "wav";

	/** The default sample rate: a Telcoflow call's. */
	public static final int DEFAULT_SAMPLE_RATE = 24_000;

	private final @Nullable String model;

	private final @Nullable String voice;

	private final @Nullable String format;

	private final @Nullable Double speed;

	private final @Nullable Integer sampleRate;

	private FreeTtsTextToSpeechOptions(Builder builder) {
		this.model = builder.model;
		this.voice = builder.voice;
		this.format = builder.format;
		this.speed = builder.speed;
		this.sampleRate = builder.sampleRate;
	}

	/**
	 * Returns the defaults: {@value #VOICE_16K}, {@value #FORMAT_PCM}, speed 1.0, 24,000 Hz.
	 * @return the options
	 */
	public static FreeTtsTextToSpeechOptions defaults() {
		return builder().model(MODEL)
			.voice(VOICE_16K)
			.format(FORMAT_PCM)
			.speed(1.0)
			.sampleRate(DEFAULT_SAMPLE_RATE)
			.build();
	}

	/**
	 * Returns a builder with nothing set.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable String getVoice() {
		return this.voice;
	}

	@Override
	public @Nullable String getFormat() {
		return this.format;
	}

	@Override
	public @Nullable Double getSpeed() {
		return this.speed;
	}

	/**
	 * Returns the sample rate of the audio returned.
	 * @return samples per second, or {@code null} for the model's default
	 */
	public @Nullable Integer getSampleRate() {
		return this.sampleRate;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FreeTtsTextToSpeechOptions that && Objects.equals(this.model, that.model)
				&& Objects.equals(this.voice, that.voice) && Objects.equals(this.format, that.format)
				&& Objects.equals(this.speed, that.speed) && Objects.equals(this.sampleRate, that.sampleRate);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.voice, this.format, this.speed, this.sampleRate);
	}

	@Override
	public String toString() {
		return "FreeTtsTextToSpeechOptions[model=" + this.model + ", voice=" + this.voice + ", format=" + this.format
				+ ", speed=" + this.speed + ", sampleRate=" + this.sampleRate + "]";
	}

	/**
	 * Builds {@link FreeTtsTextToSpeechOptions}; values are checked when the model uses them.
	 */
	public static final class Builder implements TextToSpeechOptions.Builder {

		private @Nullable String model;

		private @Nullable String voice;

		private @Nullable String format;

		private @Nullable Double speed;

		private @Nullable Integer sampleRate;

		private Builder() {
		}

		/**
		 * Sets the model.
		 * @param model {@value FreeTtsTextToSpeechOptions#MODEL}, or {@code null}
		 * @return this builder
		 */
		@Override
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the voice.
		 * @param voice {@value FreeTtsTextToSpeechOptions#VOICE_16K} or
		 * {@value FreeTtsTextToSpeechOptions#VOICE_8K}, or {@code null}
		 * @return this builder
		 */
		@Override
		public Builder voice(@Nullable String voice) {
			this.voice = voice;
			return this;
		}

		/**
		 * Sets the format.
		 * @param format {@value FreeTtsTextToSpeechOptions#FORMAT_PCM} or
		 * {@value FreeTtsTextToSpeechOptions#FORMAT_WAV}, or {@code null}
		 * @return this builder
		 */
		@Override
		public Builder format(@Nullable String format) {
			this.format = format;
			return this;
		}

		/**
		 * Sets the speed.
		 * @param speed positive, 1.0 for the voice's own pace, or {@code null}
		 * @return this builder
		 */
		@Override
		public Builder speed(@Nullable Double speed) {
			this.speed = speed;
			return this;
		}

		/**
		 * Sets the sample rate of the audio returned.
		 * @param sampleRate one of {@link io.telcoflow.audio.resample.Resampler#SUPPORTED_RATES}, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder sampleRate(@Nullable Integer sampleRate) {
			this.sampleRate = sampleRate;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		@Override
		public FreeTtsTextToSpeechOptions build() {
			return new FreeTtsTextToSpeechOptions(this);
		}

	}

}
