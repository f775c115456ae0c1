package io.telcoflow.audio.vad;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Reframer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VoiceActivityDetector} that compares the energy of each 10 ms frame with an adaptive
 * noise floor. A frame is loud when its level is at least the activation threshold above the
 * floor and above an absolute minimum level. Speech starts after loud frames lasting the minimum
 * speech duration (so a click does not count) and ends after quiet frames lasting the minimum
 * silence duration (so the pauses between words do not count).
 * <p>
 * The noise floor starts at the first frame's level, falls at once to any quieter frame and
 * rises slowly otherwise ({@value #FLOOR_RISE_DB_PER_SECOND} dB per second, a tenth of that
 * during speech), so that it follows background noise that changes but not speech. Stationary
 * noise is therefore ignored at any level; noise that changes quickly (voices, music, a door) is
 * not told from speech: that takes a model.
 * <p>
 * Speech already there on the first frame (a caller who speaks as the call is answered) raises
 * the starting floor to its own level; it is recognized when a frame within the first 2 seconds
 * is at least the activation threshold quieter than every frame before it (a pause, or the end
 * of the speech): its start is then reported, late, at time 0, with the audio from the first
 * frame. A sound that starts on the first frame and lasts longer without such a pause is taken
 * for the line's noise.
 * <p>
 * Defaults follow the peers' voice-activity settings: minimum speech 50 ms, minimum silence
 * 550 ms, prefix padding 500 ms; activation threshold 9 dB, minimum level -55 dBFS. Create with
 * {@link #builder(int)}. Not thread-safe.
 */
public final class EnergyVoiceActivityDetector implements VoiceActivityDetector {

	/** How fast the noise floor rises while there is no speech. */
	static final double FLOOR_RISE_DB_PER_SECOND = 3.0;

	private static final Duration FRAME = Duration.ofMillis(10);

	private static final double SILENCE_DB = -100;

	/** How long after the first frame a quieter frame can still show that the sound before it was speech. */
	static final Duration OPENING = Duration.ofSeconds(2);

	private final AudioFormat format;

	private final int minSpeechFrames;

	private final int minSilenceFrames;

	private final int prefixFrames;

	private final double activationThresholdDb;

	private final double minimumLevelDb;

	private final Reframer reframer;

	private final ArrayDeque<byte[]> recent = new ArrayDeque<>();

	private long frames;

	private double floorDb = Double.NaN;

	private int loudRun;

	private int quietRun;

	private boolean speaking;

	// Whether speech may still have begun on the first frame, unnoticed (see openingWasSpeech).
	private boolean opening = true;

	private double openingMinDb = Double.POSITIVE_INFINITY;

	private final int openingFrames;

	private EnergyVoiceActivityDetector(Builder builder) {
		this.format = AudioFormat.pcm(builder.sampleRate);
		this.minSpeechFrames = frames(builder.minSpeech);
		this.minSilenceFrames = frames(builder.minSilence);
		this.prefixFrames = frames(builder.prefixPadding);
		this.openingFrames = frames(OPENING);
		this.activationThresholdDb = builder.activationThresholdDb;
		this.minimumLevelDb = builder.minimumLevelDb;
		this.reframer = new Reframer(this.format, FRAME);
	}

	private static int frames(Duration duration) {
		return (int) Math.max(1, (duration.toNanos() + FRAME.toNanos() - 1) / FRAME.toNanos());
	}

	/**
	 * Starts a builder with the default settings.
	 * @param sampleRate samples per second of the audio the detector will be fed, at least 1000
	 * @return the builder
	 */
	public static Builder builder(int sampleRate) {
		return new Builder(sampleRate);
	}

	@Override
	public List<VoiceActivityEvent> process(byte[] pcm) {
		List<VoiceActivityEvent> events = null;
		for (byte[] frame : this.reframer.add(pcm)) {
			VoiceActivityEvent event = processFrame(frame);
			if (event != null) {
				if (events == null) {
					events = new ArrayList<>(2);
				}
				events.add(event);
			}
		}
		return (events != null) ? events : List.of();
	}

	private @Nullable VoiceActivityEvent processFrame(byte[] frame) {
		double level = levelDb(frame);
		VoiceActivityEvent opened = openingWasSpeech(level);
		this.frames++;
		rememberFrame(frame);
		updateFloor(level);
		if (opened != null) {
			// This frame is the first quiet one after the speech.
			this.quietRun = 1;
			return opened;
		}
		boolean loud = level >= this.floorDb + this.activationThresholdDb && level >= this.minimumLevelDb;
		if (loud) {
			this.loudRun++;
			this.quietRun = 0;
			if (!this.speaking && this.loudRun >= this.minSpeechFrames) {
				this.speaking = true;
				this.opening = false;
				long startFrame = this.frames - this.loudRun;
				return new VoiceActivityEvent(VoiceActivityEvent.Type.SPEECH_STARTED, time(startFrame),
						speechAudio(this.loudRun + this.prefixFrames));
			}
		}
		else {
			this.quietRun++;
			this.loudRun = 0;
			if (this.speaking && this.quietRun >= this.minSilenceFrames) {
				this.speaking = false;
				return new VoiceActivityEvent(VoiceActivityEvent.Type.SPEECH_ENDED, time(this.frames - this.quietRun),
						new byte[0]);
			}
		}
		return null;
	}

	/**
	 * The floor starts at the first frame's level, so a sound already there on the first frame (a
	 * caller who speaks as the call is answered) looks like the line's noise until a quieter frame
	 * shows the real floor. When, within the opening, a frame comes at least the activation threshold
	 * below every frame before it, those frames (all above the minimum level, lasting at least the
	 * minimum speech) were speech that began on the first frame: its start is reported now, at time 0.
	 */
	private @Nullable VoiceActivityEvent openingWasSpeech(double level) {
		if (!this.opening) {
			return null;
		}
		if (this.frames >= this.openingFrames) {
			this.opening = false;
			return null;
		}
		if (this.frames >= this.minSpeechFrames && this.openingMinDb >= this.minimumLevelDb
				&& level + this.activationThresholdDb <= this.openingMinDb) {
			this.opening = false;
			this.speaking = true;
			this.loudRun = 0;
			return new VoiceActivityEvent(VoiceActivityEvent.Type.SPEECH_STARTED, Duration.ZERO,
					speechAudio(this.recent.size()));
		}
		this.openingMinDb = Math.min(this.openingMinDb, level);
		return null;
	}

	private void updateFloor(double level) {
		if (Double.isNaN(this.floorDb) || level < this.floorDb) {
			this.floorDb = level;
		}
		else {
			double rise = FLOOR_RISE_DB_PER_SECOND * FRAME.toMillis() / 1000.0;
			this.floorDb += this.speaking ? rise / 10 : rise;
		}
	}

	private void rememberFrame(byte[] frame) {
		this.recent.addLast(frame);
		int keep = this.opening ? Math.max(this.openingFrames, this.prefixFrames + this.minSpeechFrames)
				: this.prefixFrames + this.minSpeechFrames;
		while (this.recent.size() > keep) {
			this.recent.pollFirst();
		}
	}

	private byte[] speechAudio(int frameCount) {
		int count = Math.min(frameCount, this.recent.size());
		int frameBytes = this.reframer.frameBytes();
		byte[] audio = new byte[count * frameBytes];
		int skip = this.recent.size() - count;
		int index = 0;
		for (byte[] frame : this.recent) {
			if (skip-- > 0) {
				continue;
			}
			System.arraycopy(frame, 0, audio, index, frameBytes);
			index += frameBytes;
		}
		return audio;
	}

	private Duration time(long frame) {
		return FRAME.multipliedBy(frame);
	}

	private static double levelDb(byte[] frame) {
		double sum = 0;
		int samples = frame.length / 2;
		for (int i = 0; i < frame.length; i += 2) {
			int sample = (short) ((frame[i] & 0xFF) | (frame[i + 1] << 8));
			sum += (double) sample * sample;
		}
		double meanSquare = sum / samples / (32768.0 * 32768.0);
		return (meanSquare > 0) ? Math.max(SILENCE_DB, 10 * Math.log10(meanSquare)) : SILENCE_DB;
	}

	@Override
	public boolean isSpeaking() {
		return this.speaking;
	}

	/**
	 * Returns the current noise floor.
	 * @return the floor in dBFS (a full-scale sine is -3 dBFS), or {@code NaN} before the first frame
	 */
	public double noiseFloorDb() {
		return this.floorDb;
	}

	@Override
	public void reset() {
		this.reframer.flush();
		this.recent.clear();
		this.frames = 0;
		this.floorDb = Double.NaN;
		this.opening = true;
		this.openingMinDb = Double.POSITIVE_INFINITY;
		this.loudRun = 0;
		this.quietRun = 0;
		this.speaking = false;
	}

	@Override
	public String toString() {
		return "EnergyVoiceActivityDetector[" + this.format.sampleRate() + " Hz, floor " + this.floorDb + " dBFS, "
				+ (this.speaking ? "speaking" : "quiet") + "]";
	}

	/**
	 * Settings of an {@link EnergyVoiceActivityDetector}.
	 */
	public static final class Builder {

		private final int sampleRate;

		private Duration minSpeech = Duration.ofMillis(50);

		private Duration minSilence = Duration.ofMillis(550);

		private Duration prefixPadding = Duration.ofMillis(500);

		private double activationThresholdDb = 9;

		private double minimumLevelDb = -55;

		private Builder(int sampleRate) {
			if (sampleRate < 1000) {
				throw new IllegalArgumentException("Sample rate must be at least 1000 Hz, was " + sampleRate);
			}
			this.sampleRate = sampleRate;
		}

		/**
		 * Sets how long loud frames must last before speech starts (default 50 ms).
		 * @param minSpeech the duration, positive
		 * @return this builder
		 */
		public Builder minSpeech(Duration minSpeech) {
			this.minSpeech = positive(minSpeech, "minSpeech");
			return this;
		}

		/**
		 * Sets how long quiet frames must last before speech ends (default 550 ms).
		 * @param minSilence the duration, positive
		 * @return this builder
		 */
		public Builder minSilence(Duration minSilence) {
			this.minSilence = positive(minSilence, "minSilence");
			return this;
		}

		/**
		 * Sets how much audio before the speech a start event carries (default 500 ms).
		 * @param prefixPadding the duration, not negative
		 * @return this builder
		 */
		public Builder prefixPadding(Duration prefixPadding) {
			if (prefixPadding.isNegative()) {
				throw new IllegalArgumentException("prefixPadding must not be negative, was " + prefixPadding);
			}
			this.prefixPadding = prefixPadding;
			return this;
		}

		/**
		 * Sets how far above the noise floor a frame must be to be loud (default 9 dB).
		 * @param decibels the threshold, positive
		 * @return this builder
		 */
		public Builder activationThreshold(double decibels) {
			if (!(decibels > 0)) {
				throw new IllegalArgumentException("activationThreshold must be positive, was " + decibels + " dB");
			}
			this.activationThresholdDb = decibels;
			return this;
		}

		/**
		 * Sets the level below which a frame is never loud, whatever the noise floor (default
		 * -55 dBFS).
		 * @param dbfs the level in dB relative to full scale, not positive
		 * @return this builder
		 */
		public Builder minimumLevel(double dbfs) {
			if (!(dbfs <= 0)) {
				throw new IllegalArgumentException("minimumLevel must be at most 0 dBFS, was " + dbfs);
			}
			this.minimumLevelDb = dbfs;
			return this;
		}

		/**
		 * Creates the detector.
		 * @return a new detector
		 */
		public EnergyVoiceActivityDetector build() {
			return new EnergyVoiceActivityDetector(this);
		}

		private static Duration positive(Duration duration, String name) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + duration);
			}
			return duration;
		}

	}

}
