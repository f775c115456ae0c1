package io.telcoflow.speech.offline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SphinxTranscriptionModelTests {

	private final SphinxTranscriptionModel model = OfflineModels.phrases();

	@ParameterizedTest
	@ValueSource(ints = { 8_000, 16_000, 24_000 })
	void grammarRecognizesSynthesizedSentencesWordForWordAtAnyRate(int sampleRate) {
		for (String phrase : OfflineModels.PHRASES) {
			assertThat(this.model.transcribe(OfflineModels.wav(phrase, sampleRate))).as(phrase)
				.isEqualTo(String.join(" ", PhraseGrammar.words(phrase)));
		}
	}

	@Test
	void recognizesTelephoneAudioInMuLaw() {
		byte[] pcm = OfflineModels.pcm("I would like to leave a message.", 8_000);
		AudioConverter toMuLaw = new AudioConverter(AudioFormat.PCM_8K, AudioFormat.MULAW_8K);
		assertThat(this.model.transcribe(OfflineModels.wav(new WavAudio(AudioFormat.MULAW_8K, toMuLaw.convert(pcm)))))
			.isEqualTo("i would like to leave a message");
	}

	@Test
	void recognizesSeveralPhrasesInOneUtteranceAndStreamsThemAsTheyAreCut() {
		byte[] silence = new byte[AudioFormat.PCM_24K.bytes(java.time.Duration.ofSeconds(1))];
		ByteArrayOutputStream utterance = new ByteArrayOutputStream();
		utterance.writeBytes(OfflineModels.pcm("Good morning.", 24_000));
		utterance.writeBytes(silence);
		utterance.writeBytes(OfflineModels.pcm("What are your opening hours?", 24_000));
		AudioTranscriptionPrompt prompt = new AudioTranscriptionPrompt(
				OfflineModels.wav(new WavAudio(AudioFormat.PCM_24K, utterance.toByteArray())));
		assertThat(this.model.call(prompt).getResult().getOutput()).isEqualTo("good morning what are your opening hours");
		assertThat(this.model.stream(prompt).collectList().block()).extracting((response) -> response.getResult().getOutput())
			.containsExactly("good morning", "what are your opening hours");
	}

	@Test
	void emptyAudioGivesAnEmptyTranscript() {
		assertThat(this.model.transcribe(OfflineModels.wav(new WavAudio(AudioFormat.PCM_8K, new byte[0])))).isEmpty();
		assertThat(this.model.transcribe(new ByteArrayResource(new byte[0]))).isEmpty();
		assertThat(this.model.stream(new AudioTranscriptionPrompt(new ByteArrayResource(new byte[0])))
			.collectList()
			.block()).isEmpty();
		// and the recognizer still works afterwards
		assertThat(this.model.transcribe(OfflineModels.wav("Goodbye.", 16_000))).isEqualTo("goodbye");
	}

	@Test
	void silenceGivesAnEmptyTranscript() {
		byte[] silence = new byte[AudioFormat.PCM_16K.bytes(java.time.Duration.ofSeconds(2))];
		assertThat(this.model.transcribe(OfflineModels.wav(new WavAudio(AudioFormat.PCM_16K, silence)))).isEmpty();
		assertThat(this.model.transcribe(OfflineModels.wav("Thank you.", 16_000))).isEqualTo("thank you");
	}

	@Test
	void refusesAudioItCannotReadAndSaysWhatItTakes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.model.transcribe(new ByteArrayResource("ID3 not a wav".getBytes())))
			.withMessageStartingWith("Unsupported audio: not a WAV file (no RIFF header)")
			.withMessageContaining("rawAudioFormat");
		assertThatIllegalArgumentException().isThrownBy(() -> this.model.transcribe(new ByteArrayResource(stereoWav())))
			.withMessageStartingWith("Unsupported audio: Unsupported WAV format: tag 1, 2 channel(s)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.model.transcribe(OfflineModels.wav(new WavAudio(AudioFormat.pcm(44_000), new byte[880]))))
			.withMessageStartingWith("Unsupported sample rate 44000 Hz");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.model.call(new AudioTranscriptionPrompt(OfflineModels.wav("Hello.", 16_000),
					() -> "whisper-1")))
			.withMessage("Unsupported model 'whisper-1'; SphinxTranscriptionModel supports: sphinx4");
	}

	@Test
	void refusesPhrasesWithWordsItCannotRecognize() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SphinxTranscriptionModel.forPhrases("Open from 9 to 5", "Call Telcoflowx"))
			.withMessage("Words not in Sphinx4's en-us dictionary, so never recognized: [5, 9, telcoflowx] "
					+ "(spell numbers and abbreviations out as they are spoken)");
		assertThatIllegalArgumentException().isThrownBy(() -> SphinxTranscriptionModel.forPhrases("?!", " "))
			.withMessage("A grammar needs at least one phrase with a word in it");
		assertThatIllegalStateException().isThrownBy(() -> SphinxTranscriptionModel.builder().build())
			.withMessageStartingWith("Choose one mode");
		assertThatIllegalStateException()
			.isThrownBy(() -> SphinxTranscriptionModel.builder().phrases(List.of("hello")).languageModel().build())
			.withMessageStartingWith("Choose one mode");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SphinxTranscriptionModel.builder().rawAudioFormat(AudioFormat.pcm(44_000)))
			.withMessageStartingWith("Unsupported sample rate 44000 Hz; SphinxTranscriptionModel supports: [8000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SphinxTranscriptionModel.builder().grammar("public <a> = hello;"))
			.withMessage("The JSGF grammar declares no name (a line 'grammar <name>;')");
	}

	@Test
	void transcribesWithAJsgfGrammarRawPcmInTheFormatItWasGivenForManyCallersAtOnce() throws Exception {
		SphinxTranscriptionModel raw = SphinxTranscriptionModel.builder()
			.grammar("""
					#JSGF V1.0;
					grammar reception;
					public <request> = <greeting> | [<greeting>] <question>;
					<greeting> = hello | good morning;
					<question> = what are your opening hours | when are you open | i would like to leave a message
					    | can i talk to a person;
					""")
			.rawAudioFormat(AudioFormat.PCM_24K)
			.maxConcurrentTranscriptions(2)
			.build();
		ExecutorService executor = Executors.newFixedThreadPool(3);
		try {
			List<Future<String>> results = executor.invokeAll(OfflineModels.PHRASES.subList(0, 6)
				.stream()
				.map((phrase) -> (java.util.concurrent.Callable<String>) () -> raw
					.transcribe(new ByteArrayResource(OfflineModels.pcm(phrase, 24_000))))
				.toList());
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).isEqualTo(String.join(" ", PhraseGrammar.words(OfflineModels.PHRASES.get(i))));
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static byte[] stereoWav() {
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(36).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16);
		header.putShort((short) 1).putShort((short) 2).putInt(16_000).putInt(64_000).putShort((short) 4);
		header.putShort((short) 16).put("data".getBytes()).putInt(0);
		return header.array();
	}

}
