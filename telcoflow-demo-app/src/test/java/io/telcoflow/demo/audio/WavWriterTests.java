package io.telcoflow.demo.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.telcoflow.demo.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class WavWriterTests {

	@TempDir
	Path dir;

	@Test
	void writtenAudioReadsBackWithItsSampleRate() throws IOException {
		byte[] first = TestAudio.tone(440, Duration.ofMillis(300), 5000);
		byte[] second = TestAudio.tone(880, Duration.ofMillis(200), 5000);
		Path file = this.dir.resolve("message.wav");
		try (WavWriter writer = WavWriter.create(file, 24000)) {
			writer.write(first);
			writer.write(second);
			assertThat(writer.duration()).isEqualTo(Duration.ofMillis(500));
		}
		PcmAudio audio = read(file);
		assertThat(audio.sampleRate()).isEqualTo(24000);
		assertThat(audio.pcm()).isEqualTo(TestAudio.concat(first, second));
		assertThat(audio.duration()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void headerHoldsTheSizesOfAStandardPcmWav() throws IOException {
		Path file = this.dir.resolve("message.wav");
		try (WavWriter writer = WavWriter.create(file, 24000)) {
			writer.write(new byte[960]);
		}
		ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(header.capacity()).isEqualTo(44 + 960);
		assertThat(header.getInt(4)).isEqualTo(36 + 960);
		assertThat(header.getInt(24)).isEqualTo(24000);
		assertThat(header.getInt(28)).isEqualTo(48000);
		assertThat(header.getInt(40)).isEqualTo(960);
	}

	@Test
	void emptyRecordingIsAValidWav() throws IOException {
		Path file = this.dir.resolve("empty.wav");
		WavWriter.create(file, 24000).close();
		assertThat(read(file).pcm()).isEmpty();
	}

	@Test
	void readerSkipsChunksItDoesNotKnow() throws IOException {
		Path file = this.dir.resolve("message.wav");
		try (WavWriter writer = WavWriter.create(file, 16000)) {
			writer.write(new byte[] { 1, 2, 3, 4 });
		}
		byte[] plain = Files.readAllBytes(file);
		byte[] list = { 'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0 };
		byte[] withList = TestAudio.concat(java.util.Arrays.copyOfRange(plain, 0, 36), list,
				java.util.Arrays.copyOfRange(plain, 36, plain.length));
		PcmAudio audio = WavReader.read(new ByteArrayInputStream(withList));
		assertThat(audio.sampleRate()).isEqualTo(16000);
		assertThat(audio.pcm()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void readerRefusesStereo() throws IOException {
		Path file = this.dir.resolve("stereo.wav");
		WavWriter.create(file, 24000).close();
		byte[] bytes = Files.readAllBytes(file);
		bytes[22] = 2;
		assertThatIOException().isThrownBy(() -> WavReader.read(new ByteArrayInputStream(bytes)))
			.withMessageContaining("2 channel(s)");
	}

	@Test
	void readerRefusesWhatIsNotAWav() {
		assertThatIOException().isThrownBy(() -> WavReader.read(new ByteArrayInputStream(new byte[64])))
			.withMessageContaining("Not a WAV file");
	}

	private static PcmAudio read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return WavReader.read(in);
		}
	}

}
