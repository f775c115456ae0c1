package io.telcoflow.speech.offline;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import org.jspecify.annotations.Nullable;

/**
 * One allocated FreeTTS voice whose audio is collected in memory instead of played. The voice is
 * created from its directory class, not through {@code VoiceManager}, so no system property
 * ({@code freetts.voices}) is set and nothing global changes. Not thread-safe: {@link ModelPool}
 * lends it to one caller at a time.
 */
final class FreeTtsVoice {

	private final Voice voice;

	private final Collector collector = new Collector();

	private final float normalRate;

	private FreeTtsVoice(Voice voice) {
		this.voice = voice;
		this.voice.setAudioPlayer(this.collector);
		this.voice.allocate();
		this.normalRate = voice.getRate();
		// the first utterance tells the audio format (and warms the voice up)
		speak("Hello.", 1.0);
	}

	static FreeTtsVoice create(String name) {
		Voice voice = Arrays.stream(new KevinVoiceDirectory().getVoices())
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No FreeTTS voice named '" + name + "'"));
		return new FreeTtsVoice(voice);
	}

	/**
	 * Speaks a text.
	 * @param text the text, not blank
	 * @param speed 1.0 for the voice's own pace
	 * @return signed 16-bit little-endian PCM at {@link #sampleRate()}
	 */
	byte[] speak(String text, double speed) {
		this.collector.audio.reset();
		this.voice.setRate((float) (this.normalRate * speed));
		if (!this.voice.speak(text)) {
			throw new IllegalStateException("FreeTTS could not speak the text (" + text.length() + " characters)");
		}
		byte[] audio = this.collector.audio.toByteArray();
		if (this.collector.format != null && this.collector.format.isBigEndian()) {
			for (int i = 0; i + 1 < audio.length; i += 2) {
				byte high = audio[i];
				audio[i] = audio[i + 1];
				audio[i + 1] = high;
			}
		}
		return audio;
	}

	int sampleRate() {
		return (int) this.collector.format().getSampleRate();
	}

	/**
	 * FreeTTS's audio sink: keeps the samples and their format; plays nothing.
	 */
	private static final class Collector implements AudioPlayer {

		private final ByteArrayOutputStream audio = new ByteArrayOutputStream();

		private javax.sound.sampled.@Nullable AudioFormat format;

		private javax.sound.sampled.AudioFormat format() {
			if (this.format == null) {
				throw new IllegalStateException("FreeTTS has not told its audio format yet");
			}
			return this.format;
		}

		@Override
		public void setAudioFormat(javax.sound.sampled.AudioFormat format) {
			if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1
					|| format.getEncoding() != javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED) {
				throw new IllegalStateException("FreeTTS produced " + format + "; expected signed 16-bit mono PCM");
			}
			this.format = format;
		}

		@Override
		public javax.sound.sampled.AudioFormat getAudioFormat() {
			return format();
		}

		@Override
		public boolean write(byte[] bytes) {
			return write(bytes, 0, bytes.length);
		}

		@Override
		public boolean write(byte[] bytes, int offset, int length) {
			this.audio.write(bytes, offset, length);
			return true;
		}

		@Override
		public void pause() {
		}

		@Override
		public void resume() {
		}

		@Override
		public void reset() {
		}

		@Override
		public boolean drain() {
			return true;
		}

		@Override
		public void begin(int size) {
		}

		@Override
		public boolean end() {
			return true;
		}

		@Override
		public void cancel() {
		}

		@Override
		public void close() {
		}

		@Override
		public float getVolume() {
			return 1.0f;
		}

		@Override
		public void setVolume(float volume) {
		}

		@Override
		public long getTime() {
			return 0;
		}

		@Override
		public void resetTime() {
		}

		@Override
		public void startFirstSampleTimer() {
		}

		@Override
		public void showMetrics() {
		}

	}

}
