package io.telcoflow.audio;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReframerTests {

	@RepeatedTest(50)
	void randomChunksComeOutAsExactFramesWithNoByteLostOrDuplicated() {
		long seed = new Random().nextLong();
		System.out.println("ReframerTests seed " + seed);
		Random random = new Random(seed);
		int frameBytes = 1 + random.nextInt(1000);
		byte[] audio = new byte[random.nextInt(20_000)];
		random.nextBytes(audio);
		Reframer reframer = new Reframer(frameBytes);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int offset = 0;
		while (offset < audio.length) {
			int chunk = Math.min(audio.length - offset, random.nextInt(random.nextBoolean() ? 4 : 3000));
			List<byte[]> frames = random.nextBoolean() ? reframer.add(audio, offset, chunk)
					: reframer.add(java.util.Arrays.copyOfRange(audio, offset, offset + chunk));
			for (byte[] frame : frames) {
				assertThat(frame).as("seed %d", seed).hasSize(frameBytes);
				out.writeBytes(frame);
			}
			offset += chunk;
		}
		assertThat(reframer.pendingBytes()).as("seed %d", seed).isEqualTo(audio.length % frameBytes);
		out.writeBytes(reframer.flush());
		assertThat(out.toByteArray()).as("seed %d", seed).isEqualTo(audio);
		assertThat(reframer.pendingBytes()).isZero();
	}

	@Test
	void framesOf20MillisecondsAt24Kilohertz() {
		Reframer reframer = new Reframer(AudioFormat.PCM_24K, Duration.ofMillis(20));
		assertThat(reframer.frameBytes()).isEqualTo(960);
		assertThat(reframer.add(new byte[959])).isEmpty();
		assertThat(reframer.add(new byte[962])).hasSize(2);
		assertThat(reframer.flush()).hasSize(1);
	}

	@Test
	void flushPaddedCompletesTheLastFrame() {
		Reframer reframer = new Reframer(AudioFormat.MULAW_8K, Reframer.DEFAULT_FRAME);
		reframer.add(new byte[] { 1, 2, 3 });
		byte[] frame = reframer.flushPadded((byte) 0xFF);
		assertThat(frame).hasSize(160).startsWith(1, 2, 3, (byte) 0xFF).endsWith((byte) 0xFF);
		assertThat(reframer.flushPadded((byte) 0xFF)).isEmpty();
	}

	@Test
	void frameShorterThanASampleIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Reframer(AudioFormat.PCM_8K, Duration.ofNanos(10)))
			.withMessageContaining("Frame size must be positive");
	}

}
