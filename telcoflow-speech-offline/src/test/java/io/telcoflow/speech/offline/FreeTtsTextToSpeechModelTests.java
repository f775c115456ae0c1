package io.telcoflow.speech.offline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;
import org.junit.jupiter.api.Test;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FreeTtsTextToSpeechModelTests {

	private static final String SENTENCE = "Thank you for calling.";

	private final FreeTtsTextToSpeechModel model = OfflineModels.speech();

	@Test
	void speaksRawPcmAtTheCallsRateByDefault() {
		byte[] audio = this.model.call(SENTENCE);
		assertThat(audio.length % 2).isZero();
		assertThat(AudioFormat.PCM_24K.duration(audio.length)).isBetween(java.time.Duration.ofMillis(800),
				java.time.Duration.ofSeconds(3));
		assertThat(peak(audio)).isGreaterThan(3_000);
		assertThat(this.model.getOptions().getSampleRate()).isEqualTo(24_000);
		assertThat(this.model.getOptions().getFormat()).isEqualTo("pcm");
	}

	@Test
	void resamplesTheVoiceToTheRequestedRate() {
		int at16k = OfflineModels.pcm(SENTENCE, 16_000).length;
		int at8k = OfflineModels.pcm(SENTENCE, 8_000).length;
		int at48k = OfflineModels.pcm(SENTENCE, 48_000).length;
		// the same speech: one sample per 2, 3 and 6 of 48 kHz (ceil of the resampler's output)
		assertThat(at48k / 2).isEqualTo(3 * (at16k / 2));
		assertThat(at8k / 2).isEqualTo((at16k / 2 + 1) / 2);
	}

	@Test
	void writesWavWhenAsked() throws IOException {
		byte[] file = this.model.call(new TextToSpeechPrompt(SENTENCE,
				FreeTtsTextToSpeechOptions.builder().format("WAV").sampleRate(8_000).build()))
			.getResult()
			.getOutput();
		WavAudio audio = WavReader.read(new ByteArrayInputStream(file));
		assertThat(audio.format()).isEqualTo(AudioFormat.PCM_8K);
		assertThat(audio.data()).hasSize(OfflineModels.pcm(SENTENCE, 8_000).length);
	}

	@Test
	void takesSpringAisPortableOptions() {
		byte[] slow = this.model.call(new TextToSpeechPrompt(SENTENCE,
				TextToSpeechOptions.builder().voice("kevin16").format("pcm").speed(0.5).build()))
			.getResult()
			.getOutput();
		assertThat(slow.length).isGreaterThan(this.model.call(SENTENCE).length * 3 / 2);
	}

	@Test
	void blankTextGivesNoAudio() {
		assertThat(this.model.call("  ")).isEmpty();
		assertThat(this.model.stream(new TextToSpeechPrompt(" ")).collectList().block()).isEmpty();
	}

	@Test
	void streamsOneSentenceAtATime() {
		List<TextToSpeechResponse> chunks = this.model
			.stream(new TextToSpeechPrompt("Hello. What are your opening hours? Goodbye!"))
			.collectList()
			.block();
		assertThat(chunks).hasSize(3);
		assertThat(chunks.get(1).getResult().getOutput()).isEqualTo(this.model.call("What are your opening hours?"));
	}

	@Test
	void refusesWhatItCannotDoAndSaysWhatItCan() {
		assertThatIllegalArgumentException().isThrownBy(() -> speak(TextToSpeechOptions.builder().format("mp3").build()))
			.withMessage("Unsupported format 'mp3'; FreeTtsTextToSpeechModel supports: pcm (signed 16-bit little-endian "
					+ "mono), wav");
		assertThatIllegalArgumentException().isThrownBy(() -> speak(TextToSpeechOptions.builder().voice("alloy").build()))
			.withMessage("Unsupported voice 'alloy'; FreeTtsTextToSpeechModel supports: [kevin16, kevin]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> speak(FreeTtsTextToSpeechOptions.builder().sampleRate(44_000).build()))
			.withMessageStartingWith("Unsupported sample rate 44000 Hz; FreeTtsTextToSpeechModel supports: [8000, 11025");
		assertThatIllegalArgumentException().isThrownBy(() -> speak(TextToSpeechOptions.builder().model("tts-1").build()))
			.withMessage("Unsupported model 'tts-1'; FreeTtsTextToSpeechModel supports: freetts");
		assertThatIllegalArgumentException().isThrownBy(() -> speak(TextToSpeechOptions.builder().speed(0.0).build()))
			.withMessageStartingWith("Unsupported speed 0.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FreeTtsTextToSpeechModel(FreeTtsTextToSpeechOptions.builder().format("ogg").build()))
			.withMessageStartingWith("Unsupported format 'ogg'");
	}

	@Test
	void speaksForManyCallersAtOnce() throws Exception {
		byte[] expected = this.model.call(SENTENCE);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<byte[]>> results = executor.invokeAll(java.util.Collections.nCopies(12, () -> this.model.call(SENTENCE)));
			for (Future<byte[]> result : results) {
				assertThat(result.get()).isEqualTo(expected);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void speak(TextToSpeechOptions options) {
		this.model.call(new TextToSpeechPrompt(SENTENCE, options));
	}

	private static int peak(byte[] pcm) {
		int peak = 0;
		for (int i = 0; i + 1 < pcm.length; i += 2) {
			peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
		}
		return peak;
	}

}
