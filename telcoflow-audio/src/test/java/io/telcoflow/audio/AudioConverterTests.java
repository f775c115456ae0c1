package io.telcoflow.audio;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import io.telcoflow.audio.codec.G711;
import io.telcoflow.audio.resample.Resampler;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudioConverterTests {

	private static final AudioFormat[] FORMATS = { AudioFormat.PCM_24K, AudioFormat.PCM_16K, AudioFormat.MULAW_8K,
			AudioFormat.ALAW_8K, AudioFormat.pcm(44_100), new AudioFormat(16_000, AudioEncoding.MULAW) };

	@RepeatedTest(20)
	void anyChunkingGivesTheSameOutputAsTheWholeAudio() {
		long seed = new Random().nextLong();
		System.out.println("AudioConverterTests seed " + seed);
		Random random = new Random(seed);
		AudioFormat source = FORMATS[random.nextInt(FORMATS.length)];
		AudioFormat target = FORMATS[random.nextInt(FORMATS.length)];
		byte[] audio = new AudioConverter(AudioFormat.pcm(source.sampleRate()), source)
			.convert(Signals.toBytes(Signals.randomSignal(random, source.sampleRate(), random.nextInt(8000))));

		AudioConverter whole = new AudioConverter(source, target);
		byte[] expected = concat(whole.convert(audio), whole.flush());
		AudioConverter chunked = new AudioConverter(source, target);
		ByteArrayOutputStream actual = new ByteArrayOutputStream();
		int offset = 0;
		while (offset < audio.length) {
			int chunk = Math.min(audio.length - offset, random.nextInt(700));
			actual.writeBytes(chunked.convert(audio, offset, chunk));
			offset += chunk;
		}
		actual.writeBytes(chunked.flush());
		assertThat(actual.toByteArray()).as("seed %d, %s -> %s", seed, source, target).isEqualTo(expected);
	}

	@Test
	void muLawAt8KilohertzToPcmAt24KilohertzDecodesThenResamples() {
		byte[] pcm8k = Signals.toBytes(Signals.sine(8000, 440, 8000, 800));
		byte[] ulaw = G711.encodeMuLaw(pcm8k);
		AudioConverter converter = new AudioConverter(AudioFormat.MULAW_8K, AudioFormat.PCM_24K);
		byte[] converted = concat(converter.convert(ulaw), converter.flush());
		Resampler resampler = new Resampler(8000, 24_000);
		byte[] expected = concat(resampler.process(G711.decodeMuLaw(ulaw)), resampler.flush());
		assertThat(converted).hasSize(2400 * 2).isEqualTo(expected);
	}

	@Test
	void sameRateChangesOnlyTheEncoding() {
		byte[] pcm = Signals.toBytes(Signals.sine(8000, 440, 8000, 160));
		AudioConverter converter = new AudioConverter(AudioFormat.PCM_8K, AudioFormat.ALAW_8K);
		assertThat(converter.convert(pcm)).isEqualTo(G711.encodeALaw(pcm));
		assertThat(converter.flush()).isEmpty();
	}

	@Test
	void aCopyContinuesLikeTheOriginalAndIndependently() {
		byte[] audio = Signals.toBytes(Signals.sine(24_000, 440, 8000, 2000));
		AudioConverter original = new AudioConverter(AudioFormat.PCM_24K, AudioFormat.MULAW_8K);
		original.convert(audio, 0, 1001);
		AudioConverter copy = original.copy();
		byte[] fromCopy = concat(copy.convert(audio, 1001, audio.length - 1001), copy.flush());
		byte[] fromOriginal = concat(original.convert(audio, 1001, audio.length - 1001), original.flush());
		assertThat(fromCopy).isNotEmpty().isEqualTo(fromOriginal);
	}

	@Test
	void resetDropsWhatWasHeldBack() {
		AudioConverter converter = new AudioConverter(AudioFormat.PCM_24K, AudioFormat.PCM_16K);
		converter.convert(new byte[] { 1 });
		converter.convert(Signals.toBytes(Signals.sine(24_000, 440, 8000, 100)));
		converter.reset();
		assertThat(converter.flush()).isEmpty();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
