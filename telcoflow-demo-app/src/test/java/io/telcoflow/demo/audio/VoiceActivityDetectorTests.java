package io.telcoflow.demo.audio;

import java.time.Duration;

import io.telcoflow.demo.TestAudio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceActivityDetectorTests {

	private static final int LOUD = 3000;

	private final VoiceActivityDetector detector = new VoiceActivityDetector(24000, 500, 2, 5);

	@Test
	void silenceIsNotSpeech() {
		assertThat(this.detector.accept(TestAudio.silence(Duration.ofSeconds(1)))).isFalse();
	}

	@Test
	void quietNoiseBelowTheThresholdIsNotSpeech() {
		assertThat(this.detector.accept(TestAudio.tone(300, Duration.ofSeconds(1), 400))).isFalse();
	}

	@Test
	void speechStartsAfterTheOnsetFrames() {
		assertThat(this.detector.accept(TestAudio.tone(300, Duration.ofMillis(20), LOUD))).isFalse();
		assertThat(this.detector.accept(TestAudio.tone(300, Duration.ofMillis(20), LOUD))).isTrue();
	}

	@Test
	void aSingleLoudFrameIsAClickNotSpeech() {
		this.detector.accept(TestAudio.tone(300, Duration.ofMillis(20), LOUD));
		assertThat(this.detector.accept(TestAudio.silence(Duration.ofMillis(20)))).isFalse();
		assertThat(this.detector.accept(TestAudio.tone(300, Duration.ofMillis(20), LOUD))).isFalse();
	}

	@Test
	void aPauseShorterThanTheHangoverKeepsSpeaking() {
		this.detector.accept(TestAudio.tone(300, Duration.ofMillis(200), LOUD));
		assertThat(this.detector.accept(TestAudio.silence(Duration.ofMillis(80)))).isTrue();
		assertThat(this.detector.accept(TestAudio.tone(300, Duration.ofMillis(20), LOUD))).isTrue();
	}

	@Test
	void speechStopsAfterTheHangover() {
		this.detector.accept(TestAudio.tone(300, Duration.ofMillis(200), LOUD));
		assertThat(this.detector.accept(TestAudio.silence(Duration.ofMillis(80)))).isTrue();
		assertThat(this.detector.accept(TestAudio.silence(Duration.ofMillis(20)))).isFalse();
		assertThat(this.detector.isSpeaking()).isFalse();
	}

	@Test
	void chunksOfAnyLengthAreCutIntoFrames() {
		byte[] speech = TestAudio.tone(300, Duration.ofMillis(40), LOUD);
		byte[] firstPart = java.util.Arrays.copyOfRange(speech, 0, 1400);
		byte[] rest = java.util.Arrays.copyOfRange(speech, 1400, speech.length);
		assertThat(this.detector.accept(firstPart)).isFalse();
		assertThat(this.detector.accept(rest)).isTrue();
	}

	@Test
	void resetForgetsSpeech() {
		this.detector.accept(TestAudio.tone(300, Duration.ofMillis(200), LOUD));
		this.detector.reset();
		assertThat(this.detector.isSpeaking()).isFalse();
		assertThat(this.detector.accept(TestAudio.tone(300, Duration.ofMillis(20), LOUD))).isFalse();
	}

	@Test
	void rmsOfAFullScaleSineIsAboutSeventyPercentOfItsPeak() {
		byte[] sine = TestAudio.tone(1000, Duration.ofMillis(20), 10000);
		assertThat(Pcm.rms(sine, 0, sine.length)).isBetween(7000.0, 7150.0);
		assertThat(Pcm.rms(new byte[0], 0, 0)).isZero();
	}

}
