package io.telcoflow.speech.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SphinxTranscriptionModelTests {

	@ParameterizedTest
	@ValueSource(ints = { 8_000, 16_000, 24_000 })
	void grammarRecognizesSynthesizedSentencesWordForWordAtAnyRate(int sampleRate) {
		for (String phrase : OfflineModels.PHRASES) {
			long start = System.nanoTime();
			String text = OfflineModels.phrases().transcribe(OfflineModels.wav(phrase, sampleRate));
			System.out.println(sampleRate + " " + phrase + " -> " + text + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
		for (String phrase : OfflineModels.PHRASES) {
			assertThat(OfflineModels.phrases().transcribe(OfflineModels.wav(phrase, sampleRate))).isEqualTo(String.join(" ", PhraseGrammar.words(phrase)));
		}
	}

}
