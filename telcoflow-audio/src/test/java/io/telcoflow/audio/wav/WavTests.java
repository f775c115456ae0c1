package io.telcoflow.audio.wav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.audio.codec.G711;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class WavTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "PCM_S16LE", "MULAW", "ALAW" })
	void writtenFilesReadBackWithTheirFormat(String encoding) throws IOException {
		AudioFormat format = new AudioFormat(8000, io.telcoflow.audio.AudioEncoding.valueOf(encoding));
		byte[] data = new byte[format.bytes(Duration.ofMillis(250))];
		new java.util.Random(5).nextBytes(data);
		Path file = this.directory.resolve("audio.wav");
		try (WavWriter writer = WavWriter.create(file, format)) {
			writer.write(java.util.Arrays.copyOf(data, 100));
			writer.write(java.util.Arrays.copyOfRange(data, 100, data.length));
			assertThat(writer.duration()).isEqualTo(Duration.ofMillis(250));
		}
		WavAudio read = WavReader.read(file);
		assertThat(read.format()).isEqualTo(format);
		assertThat(read.data()).isEqualTo(data);
		assertThat(WavWriter.toBytes(read)).isEqualTo(Files.readAllBytes(file));
	}

	@Test
	void javaSoundReadsWhatIsWritten() throws Exception {
		byte[] ulaw = G711.encodeMuLaw(Signals.toBytes(Signals.sine(8000, 440, 8000, 800)));
		byte[] file = WavWriter.toBytes(new WavAudio(AudioFormat.MULAW_8K, ulaw));
		try (javax.sound.sampled.AudioInputStream in = javax.sound.sampled.AudioSystem
			.getAudioInputStream(new ByteArrayInputStream(file))) {
			assertThat(in.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.ULAW);
			assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
			assertThat(in.readAllBytes()).isEqualTo(ulaw);
		}
	}

	@Test
	void unknownChunksAreSkippedAndAnUnknownDataSizeReadsToTheEnd() throws IOException {
		byte[] pcm = Signals.toBytes(Signals.sine(16_000, 440, 8000, 160));
		byte[] normal = WavWriter.toBytes(new WavAudio(AudioFormat.PCM_16K, pcm));
		// insert a LIST chunk after fmt and mark the data size unknown, as streaming writers do
		byte[] list = { 'L', 'I', 'S', 'T', 3, 0, 0, 0, 1, 2, 3, 0 };
		byte[] file = new byte[normal.length + list.length];
		System.arraycopy(normal, 0, file, 0, 36);
		System.arraycopy(list, 0, file, 36, list.length);
		System.arraycopy(normal, 36, file, 36 + list.length, normal.length - 36);
		java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(36 + list.length + 4, -1);
		WavAudio read = WavReader.read(new ByteArrayInputStream(file));
		assertThat(read.data()).isEqualTo(pcm);
	}

	@Test
	void stereoAndOtherFormatsAreRejectedWithWhatIsSupported() {
		byte[] file = WavWriter.toBytes(new WavAudio(AudioFormat.PCM_16K, new byte[4]));
		file[22] = 2;
		assertThatIOException().isThrownBy(() -> WavReader.read(new ByteArrayInputStream(file)))
			.withMessageContaining("2 channel(s)")
			.withMessageContaining("supported: mono 16-bit PCM");
	}

	@Test
	void notAWavFileIsRejected() {
		assertThatIOException().isThrownBy(() -> WavReader.read(new ByteArrayInputStream("hello world!".getBytes())))
			.withMessageContaining("Not a WAV file");
		assertThatIOException().isThrownBy(() -> WavReader.read(new ByteArrayInputStream(new byte[5])))
			.withMessageContaining("ends before");
	}

}
