package io.telcoflow.audio.vad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.telcoflow.audio.Signals;
import io.telcoflow.audio.vad.VoiceActivityEvent.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnergyVoiceActivityDetectorTests {

	private static final int RATE = 16_000;

	@Test
	void reportsStartAndEndOfSpeechInNoiseWithTimestamps() {
		// 1 s noise, 1.5 s voice, 1.5 s noise, 0.8 s voice, 1.5 s noise; voice 20 dB above noise
		short[] audio = voiceInNoise(new Random(1), new double[] { 1.0, 1.5, 1.5, 0.8, 1.5 }, 20);
		List<VoiceActivityEvent> events = EnergyVoiceActivityDetector.builder(RATE)
			.build()
			.process(Signals.toBytes(audio));

		assertThat(events).extracting(VoiceActivityEvent::type)
			.containsExactly(Type.SPEECH_STARTED, Type.SPEECH_ENDED, Type.SPEECH_STARTED, Type.SPEECH_ENDED);
		assertThat(events.get(0).time()).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1100));
		assertThat(events.get(1).time()).isBetween(Duration.ofMillis(2400), Duration.ofMillis(2550));
		assertThat(events.get(2).time()).isBetween(Duration.ofMillis(4000), Duration.ofMillis(4100));
		assertThat(events.get(3).time()).isBetween(Duration.ofMillis(4700), Duration.ofMillis(4850));
	}

	@Test
	void startCarriesThePrefixPaddingAndTheSpeechSoFar() {
		short[] audio = voiceInNoise(new Random(2), new double[] { 1.0, 1.0, 1.0 }, 20);
		VoiceActivityEvent start = EnergyVoiceActivityDetector.builder(RATE)
			.build()
			.process(Signals.toBytes(audio))
			.get(0);
		// 500 ms of padding and the 50 ms of speech that started it, in whole 10 ms frames
		assertThat(start.audio()).hasSize(2 * RATE * 560 / 1000 - 2 * RATE * 10 / 1000);
		assertThat(start.audio().length % (2 * RATE / 100)).isZero();
	}

	@Test
	void speechFromTheVeryFirstFrameIsHeardWhenItStops() {
		// A steady voice from the first frame (its level becomes the starting floor), then the line's noise.
		short[] voice = Signals.sine(RATE, 300, 8000, RATE * 800 / 1000);
		short[] audio = java.util.Arrays.copyOf(voice, voice.length + RATE);
		Random random = new Random(4);
		for (int i = voice.length; i < audio.length; i++) {
			audio[i] = (short) Math.round(30 * random.nextGaussian());
		}
		List<VoiceActivityEvent> events = EnergyVoiceActivityDetector.builder(RATE).build().process(Signals.toBytes(audio));

		assertThat(events).extracting(VoiceActivityEvent::type).containsExactly(Type.SPEECH_STARTED, Type.SPEECH_ENDED);
		assertThat(events.get(0).time()).isZero();
		// all of the speech, from its first frame
		assertThat(events.get(0).audio()).hasSize(2 * voice.length);
		assertThat(events.get(1).time()).isEqualTo(Duration.ofMillis(800));
	}

	@Test
	void aSteadySoundFromTheFirstFrameLongerThanTheOpeningIsTheLinesNoise() {
		short[] hum = Signals.sine(RATE, 50, 3000, RATE * 3);
		short[] audio = java.util.Arrays.copyOf(hum, hum.length + RATE);
		assertThat(EnergyVoiceActivityDetector.builder(RATE).build().process(Signals.toBytes(audio))).isEmpty();
	}

	@Test
	void stationaryNoiseAloneIsNeverSpeechAtAnyLevel() {
		for (double level : new double[] { 30, 300, 3000 }) {
			Random random = new Random(3);
			short[] noise = new short[RATE * 10];
			for (int i = 0; i < noise.length; i++) {
				noise[i] = (short) Math.round(level * random.nextGaussian());
			}
			EnergyVoiceActivityDetector detector = EnergyVoiceActivityDetector.builder(RATE).build();
			assertThat(detector.process(Signals.toBytes(noise))).as("noise RMS %s", level).isEmpty();
			assertThat(detector.isSpeaking()).isFalse();
		}
	}

	@Test
	void aClickShorterThanTheMinimumSpeechIsIgnored() {
		short[] audio = new short[RATE];
		for (int i = 8000; i < 8000 + RATE * 30 / 1000; i++) {
			audio[i] = (short) ((i % 2 == 0) ? 20_000 : -20_000);
		}
		assertThat(EnergyVoiceActivityDetector.builder(RATE).build().process(Signals.toBytes(audio))).isEmpty();
	}

	@Test
	void anyChunkingGivesTheSameEvents() {
		long seed = new Random().nextLong();
		System.out.println("EnergyVoiceActivityDetectorTests seed " + seed);
		Random random = new Random(seed);
		byte[] audio = Signals.toBytes(voiceInNoise(random, new double[] { 0.5, 1.0, 0.8, 0.6, 0.7 }, 15));
		List<VoiceActivityEvent> whole = EnergyVoiceActivityDetector.builder(RATE).build().process(audio);
		EnergyVoiceActivityDetector detector = EnergyVoiceActivityDetector.builder(RATE).build();
		List<VoiceActivityEvent> chunked = new ArrayList<>();
		int offset = 0;
		while (offset < audio.length) {
			int chunk = Math.min(audio.length - offset, random.nextInt(1500));
			chunked.addAll(detector.process(java.util.Arrays.copyOfRange(audio, offset, offset + chunk)));
			offset += chunk;
		}
		assertThat(chunked).as("seed %d", seed).hasSameSizeAs(whole);
		for (int i = 0; i < whole.size(); i++) {
			assertThat(chunked.get(i).type()).isEqualTo(whole.get(i).type());
			assertThat(chunked.get(i).time()).isEqualTo(whole.get(i).time());
			assertThat(chunked.get(i).audio()).isEqualTo(whole.get(i).audio());
		}
	}

	@Test
	void resetRestartsTheClock() {
		short[] audio = voiceInNoise(new Random(4), new double[] { 1.0, 1.0, 1.0 }, 20);
		EnergyVoiceActivityDetector detector = EnergyVoiceActivityDetector.builder(RATE).build();
		List<VoiceActivityEvent> first = detector.process(Signals.toBytes(audio));
		detector.reset();
		List<VoiceActivityEvent> second = detector.process(Signals.toBytes(audio));
		assertThat(second).extracting(VoiceActivityEvent::time).isEqualTo(first.stream().map(VoiceActivityEvent::time).toList());
	}

	@Test
	void invalidSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnergyVoiceActivityDetector.builder(RATE).minSpeech(Duration.ZERO))
			.withMessageContaining("minSpeech");
		assertThatIllegalArgumentException().isThrownBy(() -> EnergyVoiceActivityDetector.builder(RATE).activationThreshold(0))
			.withMessageContaining("activationThreshold");
		assertThatIllegalArgumentException().isThrownBy(() -> EnergyVoiceActivityDetector.builder(100))
			.withMessageContaining("1000 Hz");
	}

	/**
	 * Alternating noise and voiced sound (a 140 Hz harmonic tone with a syllable rhythm), the
	 * voice at an SNR over its duration; starts with noise.
	 */
	static short[] voiceInNoise(Random random, double[] secondsNoiseVoice, double snrDb) {
		double noiseRms = 100;
		double voiceRms = noiseRms * Math.pow(10, snrDb / 20);
		int total = 0;
		for (double seconds : secondsNoiseVoice) {
			total += (int) (seconds * RATE);
		}
		short[] out = new short[total];
		int index = 0;
		for (int part = 0; part < secondsNoiseVoice.length; part++) {
			int length = (int) (secondsNoiseVoice[part] * RATE);
			for (int i = 0; i < length; i++, index++) {
				double value = noiseRms * random.nextGaussian();
				if (part % 2 == 1) {
					double t = (double) i / RATE;
					double syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
					double voice = 0;
					for (int h = 1; h <= 10; h++) {
						voice += Math.sin(2 * Math.PI * 140 * h * t) / h;
					}
					value += voiceRms * 1.1 * syllable * voice;
				}
				out[index] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
			}
		}
		return out;
	}

}
