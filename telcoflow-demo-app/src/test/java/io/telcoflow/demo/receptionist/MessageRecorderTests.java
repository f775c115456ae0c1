package io.telcoflow.demo.receptionist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.telcoflow.audio.wav.WavReader;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.TestAudio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRecorderTests {

	private static final Duration FRAME = Duration.ofMillis(20);

	private static final byte[] SILENCE = TestAudio.silence(FRAME);

	@TempDir
	Path dir;

	private final DemoProperties.Receptionist settings = new DemoProperties.Receptionist();

	private Path file;

	private Duration now = Duration.ZERO;

	@BeforeEach
	void settings() {
		this.settings.setMessageStartTimeout(Duration.ofSeconds(1));
		this.settings.setEndOfMessageSilence(Duration.ofMillis(200));
		this.file = this.dir.resolve("message.wav");
	}

	@Test
	void callerWhoNeverSpeaksLeavesNoFile() throws IOException {
		try (MessageRecorder recorder = recorder(List.of())) {
			assertThat(silentFor(recorder, Duration.ofMillis(980))).isFalse();
			assertThat(recorder.accept(SILENCE, false, tick())).isTrue();
			assertThat(recorder.hasMessage()).isFalse();
		}
		assertThat(this.file).doesNotExist();
	}

	@Test
	void messageStartsWithThePreRollAndEndsBeforeTheSilenceThatEndsIt() throws IOException {
		byte[] before = frame(1);
		byte[] word = frame(2);
		try (MessageRecorder recorder = recorder(List.of(before))) {
			assertThat(recorder.accept(word, true, tick())).isFalse();
			assertThat(recorder.accept(word, true, tick())).isFalse();
			assertThat(silentFor(recorder, Duration.ofMillis(180))).isFalse();
			assertThat(recorder.accept(SILENCE, false, tick())).isTrue();
			assertThat(recorder.hasMessage()).isTrue();
		}
		assertThat(recording()).isEqualTo(TestAudio.concat(before, word, word));
	}

	@Test
	void pausesInsideTheMessageAreKept() throws IOException {
		byte[] word = frame(3);
		try (MessageRecorder recorder = recorder(List.of())) {
			recorder.accept(word, true, tick());
			recorder.accept(SILENCE, false, tick());
			recorder.accept(word, true, tick());
		}
		assertThat(recording()).isEqualTo(TestAudio.concat(word, SILENCE, word));
	}

	@Test
	void preRollKeepsOnlyTheLatestChunks() throws IOException {
		byte[] old = frame(4);
		try (MessageRecorder recorder = recorder(List.of(old))) {
			for (int i = 0; i < MessageRecorder.PRE_ROLL_CHUNKS; i++) {
				recorder.accept(SILENCE, false, tick());
			}
			recorder.accept(frame(5), true, tick());
		}
		assertThat(TestAudio.indexOf(recording(), old)).isNegative();
		assertThat(recording()).hasSize(MessageRecorder.PRE_ROLL_CHUNKS * SILENCE.length);
	}

	@Test
	void messageEndsAtItsMaximumLength() throws IOException {
		this.settings.setMaxMessageLength(Duration.ofMillis(100));
		try (MessageRecorder recorder = recorder(List.of())) {
			for (int i = 0; i < 4; i++) {
				assertThat(recorder.accept(frame(6), true, tick())).isFalse();
			}
			assertThat(recorder.accept(frame(6), true, tick())).isTrue();
			assertThat(recorder.duration()).isEqualTo(Duration.ofMillis(100));
		}
	}

	private MessageRecorder recorder(List<byte[]> recent) throws IOException {
		return new MessageRecorder(this.file, 24000, this.settings, this.now, recent);
	}

	private boolean silentFor(MessageRecorder recorder, Duration duration) throws IOException {
		boolean over = false;
		for (long i = 0; i < duration.dividedBy(FRAME); i++) {
			over |= recorder.accept(SILENCE, false, tick());
		}
		return over;
	}

	private Duration tick() {
		this.now = this.now.plus(FRAME);
		return this.now;
	}

	private byte[] recording() throws IOException {
		try (InputStream in = Files.newInputStream(this.file)) {
			return WavReader.read(in).data();
		}
	}

	private static byte[] frame(int marker) {
		byte[] frame = TestAudio.tone(300 + marker * 50, FRAME, 5000);
		frame[0] = (byte) marker;
		return frame;
	}

}
