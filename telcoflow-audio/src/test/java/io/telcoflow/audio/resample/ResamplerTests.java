package io.telcoflow.audio.resample;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import io.telcoflow.audio.Signals;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResamplerTests {

	private static final List<Integer> RATES = Resampler.SUPPORTED_RATES.stream().sorted().toList();

	@RepeatedTest(40)
	void anyChunkingGivesTheSameOutputAsTheWholeAudio() {
		long seed = new Random().nextLong();
		System.out.println("ResamplerTests seed " + seed);
		Random random = new Random(seed);
		int in = RATES.get(random.nextInt(RATES.size()));
		int out = RATES.get(random.nextInt(RATES.size()));
		byte[] audio = Signals.toBytes(Signals.randomSignal(random, in, random.nextInt(in / 2)));

		byte[] whole = resampleInChunks(in, out, audio, new int[] { audio.length });
		int[] chunks = randomChunks(random, audio.length);
		byte[] chunked = resampleInChunks(in, out, audio, chunks);

		assertThat(chunked).as("seed %d, %d Hz -> %d Hz, %d chunks", seed, in, out, chunks.length).isEqualTo(whole);
		assertThat(whole.length / 2).as("seed %d: output samples", seed)
			.isEqualTo((int) Math.ceil((double) (audio.length / 2) * out / in - 1e-9));
	}

	@Test
	void flushStartsANewStream() {
		Resampler resampler = new Resampler(24_000, 16_000);
		byte[] audio = Signals.toBytes(Signals.sine(24_000, 440, 10_000, 2400));
		byte[] first = concat(resampler.process(audio), resampler.flush());
		byte[] second = concat(resampler.process(audio), resampler.flush());
		assertThat(second).isEqualTo(first);
	}

	@Test
	void outputIsTimeAlignedWithTheInput() {
		// an impulse at input sample 2400 (100 ms at 24 kHz) peaks at output sample 1600 (100 ms)
		short[] impulse = new short[4800];
		impulse[2400] = 30_000;
		Resampler resampler = new Resampler(24_000, 16_000);
		short[] out = Signals.toSamples(concat(resampler.process(Signals.toBytes(impulse)), resampler.flush()));
		int peak = 0;
		for (int i = 0; i < out.length; i++) {
			if (Math.abs(out[i]) > Math.abs(out[peak])) {
				peak = i;
			}
		}
		assertThat(peak).isEqualTo(1600);
	}

	@Test
	void equalRatesCopy() {
		Resampler resampler = new Resampler(16_000, 16_000);
		byte[] audio = Signals.toBytes(Signals.sine(16_000, 440, 10_000, 320));
		assertThat(resampler.process(audio)).isEqualTo(audio);
		assertThat(resampler.flush()).isEmpty();
	}

	@Test
	void unsupportedRateIsRejectedWithTheSupportedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Resampler(24_000, 96_000))
			.withMessageContaining("96000")
			.withMessageContaining("8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000");
	}

	private static byte[] resampleInChunks(int in, int out, byte[] audio, int[] chunks) {
		Resampler resampler = new Resampler(in, out);
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		int offset = 0;
		for (int chunk : chunks) {
			result.writeBytes(resampler.process(audio, offset, chunk));
			offset += chunk;
		}
		result.writeBytes(resampler.flush());
		return result.toByteArray();
	}

	static int[] randomChunks(Random random, int length) {
		int[] chunks = new int[length + 1];
		int count = 0;
		int remaining = length;
		while (remaining > 0) {
			int max = switch (random.nextInt(3)) {
				case 0 -> 3;
				case 1 -> 100;
				default -> 5000;
			};
			int chunk = Math.min(remaining, random.nextInt(max + 1));
			chunks[count++] = chunk;
			remaining -= chunk;
		}
		return java.util.Arrays.copyOf(chunks, count);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
