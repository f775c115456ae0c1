package io.telcoflow.speech.offline;

import java.util.List;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * The models the tests share: loading a Sphinx4 recognizer takes seconds, so each kind is loaded
 * once per test JVM.
 */
final class OfflineModels {

	/** What the receptionist's callers say in the tests. */
	static final List<String> PHRASES = List.of("Hello.", "Good morning.", "What are your opening hours?",
			"When are you open?", "I would like to leave a message.", "Can I talk to a person?",
			"Please call me back tomorrow.", "Thank you.", "Goodbye.");

	private static FreeTtsTextToSpeechModel speech;

	private static SphinxTranscriptionModel phrases;

	private OfflineModels() {
	}

	static synchronized FreeTtsTextToSpeechModel speech() {
		if (speech == null) {
			speech = new FreeTtsTextToSpeechModel();
		}
		return speech;
	}

	static synchronized SphinxTranscriptionModel phrases() {
		if (phrases == null) {
			phrases = SphinxTranscriptionModel.builder().phrases(PHRASES).build();
		}
		return phrases;
	}

	/**
	 * Synthesizes text as raw PCM.
	 * @param text the text
	 * @param sampleRate the rate
	 * @return s16le PCM
	 */
	static byte[] pcm(String text, int sampleRate) {
		return speech().call(new TextToSpeechPrompt(text, FreeTtsTextToSpeechOptions.builder().sampleRate(sampleRate).build()))
			.getResult()
			.getOutput();
	}

	/**
	 * Synthesizes text as a WAV file.
	 * @param text the text
	 * @param sampleRate the rate
	 * @return the file
	 */
	static Resource wav(String text, int sampleRate) {
		return wav(new WavAudio(AudioFormat.pcm(sampleRate), pcm(text, sampleRate)));
	}

	static Resource wav(WavAudio audio) {
		return new ByteArrayResource(WavWriter.toBytes(audio));
	}

}
