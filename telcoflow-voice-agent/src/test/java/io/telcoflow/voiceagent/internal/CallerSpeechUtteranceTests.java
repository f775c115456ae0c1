package io.telcoflow.voiceagent.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The utterance that {@link CallerSpeech} hands on holds every byte the caller said, whichever part of
 * a chunk the detector decided in.
 */
class CallerSpeechUtteranceTests {

	private static final AudioFormat FORMAT = AudioFormat.PCM_24K;

	private final List<byte[]> utterances = new ArrayList<>();

	private final CallerSpeech speech = new CallerSpeech(FORMAT,
			EnergyVoiceActivityDetector.builder(24000).minSilence(Duration.ofMillis(600)).build(), Duration.ofMillis(300),
			Duration.ofSeconds(30), new CallerSpeech.Listener() {

				@Override
				public void spokeLong() {
				}

				@Override
				public void utterance(byte[] audio, Duration speech, Duration endOfUtterance) {
					CallerSpeechUtteranceTests.this.utterances.add(audio);
				}

			});

	@ParameterizedTest
	@ValueSource(ints = { 0, 240, 480, 720 })
	void utteranceHoldsAllOfTheSpeechWhereverItStartsInAChunk(int startInChunk) {
		// speech that is different in every 10 ms, so that a missing or repeated piece shows
		byte[] said = noise(FORMAT.bytes(Duration.ofMillis(700)));
		byte[] call = new byte[FORMAT.bytes(Duration.ofSeconds(1)) + startInChunk * 2 + said.length
				+ FORMAT.bytes(Duration.ofSeconds(1))];
		int speechAt = FORMAT.bytes(Duration.ofSeconds(1)) + startInChunk * 2;
		System.arraycopy(said, 0, call, speechAt, said.length);
		feedInFrames(call);
		assertThat(this.utterances).singleElement().satisfies((utterance) -> {
			assertThat(indexOf(utterance, said)).as("the speech, whole").isNotNegative();
			// with the detector's lead-in of 500 ms (and its minimum speech) before it
			assertThat(indexOf(utterance, said)).isBetween(FORMAT.bytes(Duration.ofMillis(500)),
					FORMAT.bytes(Duration.ofMillis(600)));
		});
	}

	/** Feeds audio in 20 ms chunks, as a call's audio arrives. */
	private void feedInFrames(byte[] audio) {
		int frame = FORMAT.bytes(Duration.ofMillis(20));
		for (int at = 0; at < audio.length; at += frame) {
			this.speech.feed(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + frame)));
		}
	}

	private static byte[] noise(int bytes) {
		byte[] pcm = new byte[bytes];
		Random random = new Random(14);
		for (int i = 0; i < bytes / 2; i++) {
			short value = (short) (random.nextGaussian() * 4000);
			pcm[2 * i] = (byte) value;
			pcm[2 * i + 1] = (byte) (value >> 8);
		}
		return pcm;
	}

	private static int indexOf(byte[] data, byte[] part) {
		outer: for (int i = 0; i <= data.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
