package io.telcoflow.simulator;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallerAudioTests {

	@Test
	void toneAndSilenceAreRenderedAtTheSessionRate() {
		assertThat(CallerAudio.tone(440, Duration.ofMillis(100)).render(24000)).hasSize(4800);
		assertThat(CallerAudio.tone(440, Duration.ofMillis(100)).render(8000)).hasSize(1600);
		assertThat(CallerAudio.silence(Duration.ofMillis(20)).render(16000)).hasSize(640).containsOnly(0);
		byte[] tone = CallerAudio.tone(1000, Duration.ofMillis(10)).render(8000);
		short second = (short) ((tone[2] & 0xFF) | (tone[3] << 8));
		assertThat(second).isPositive();
	}

	@Test
	void sequenceConcatenatesAndPcmDropsAnOddByte() {
		byte[] pcm = CallerAudio.sequence(CallerAudio.pcm(new byte[] { 1, 2, 3 }), CallerAudio.silence(Duration.ofMillis(1)))
			.render(8000);
		assertThat(pcm).containsExactly(1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void wavHeaderIsStripped(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("a.wav");
		WavFile.write(wav, 16000, new byte[] { 9, 8, 7, 6 });
		assertThat(CallerAudio.wav(wav).render(16000)).containsExactly(9, 8, 7, 6);
		assertThat(CallerAudio.wav(new ByteArrayInputStream(Files.readAllBytes(wav))).render(16000)).containsExactly(9, 8, 7, 6);
	}

	@Test
	void wavOfAnotherRateIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("a.wav");
		WavFile.write(wav, 16000, new byte[4]);
		CallerAudio audio = CallerAudio.wav(wav);
		assertThatIllegalArgumentException().isThrownBy(() -> audio.render(24000))
			.withMessageContaining("16000 Hz")
			.withMessageContaining("24000 Hz")
			.withMessageContaining("does not resample");
	}

	@Test
	void stereoOrEightBitWavIsRefused(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("a.wav");
		WavFile.write(wav, 8000, new byte[4]);
		byte[] bytes = Files.readAllBytes(wav);
		bytes[22] = 2;
		assertThatIllegalArgumentException().isThrownBy(() -> CallerAudio.wav(new ByteArrayInputStream(bytes)))
			.withMessageContaining("PCM 16-bit mono");
		assertThatIllegalArgumentException().isThrownBy(() -> CallerAudio.wav(new ByteArrayInputStream(new byte[10])))
			.withMessageContaining("not a RIFF/WAVE");
	}

	@Test
	void missingClasspathWavIsReported() {
		assertThatIllegalArgumentException().isThrownBy(() -> CallerAudio.wav("no/such.wav")).withMessageContaining("not found");
	}

	@Test
	void dtmfDigitsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> CallScript.builder().dtmf(Duration.ZERO, 'x'))
			.withMessageContaining("0-9");
	}

}
