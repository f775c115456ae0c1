package io.telcoflow.client;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.client.internal.audio.InboundAudioStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertedAudioStreamTests {

	private final byte[] audio = Signals.toBytes(Signals.sine(24_000, 440, 8000, 4800));

	@Test
	void iterationDeliversEverythingIncludingWhatTheResamplerHeldBackAtTheEnd() {
		InboundAudioStream source = filledAndEnded();
		ConvertedAudioStream converted = new ConvertedAudioStream(source,
				new AudioConverter(AudioFormat.PCM_24K, AudioFormat.MULAW_8K));
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		for (byte[] chunk : converted) {
			assertThat(chunk).isNotEmpty();
			read.writeBytes(chunk);
		}
		assertThat(read.toByteArray()).isEqualTo(wholeConversion()).hasSize(1600);
		assertThat(converted.isEnded()).isTrue();
	}

	@Test
	void pollDeliversTheSameAndThenNull() {
		InboundAudioStream source = filledAndEnded();
		ConvertedAudioStream converted = new ConvertedAudioStream(source,
				new AudioConverter(AudioFormat.PCM_24K, AudioFormat.MULAW_8K));
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		byte[] chunk;
		while ((chunk = converted.poll(Duration.ofMillis(100))) != null) {
			read.writeBytes(chunk);
		}
		assertThat(read.toByteArray()).isEqualTo(wholeConversion());
		assertThat(converted.isEnded()).isTrue();
		assertThat(converted.poll(Duration.ZERO)).isNull();
	}

	@Test
	void pollTimesOutWithNullWhileTheCallGoesOn() {
		InboundAudioStream source = new InboundAudioStream(10, (size) -> {
		});
		ConvertedAudioStream converted = new ConvertedAudioStream(source,
				new AudioConverter(AudioFormat.PCM_24K, AudioFormat.PCM_16K));
		source.offer(new byte[] { 1 });
		assertThat(converted.poll(Duration.ofMillis(10))).isNull();
		assertThat(converted.isEnded()).isFalse();
	}

	private InboundAudioStream filledAndEnded() {
		InboundAudioStream source = new InboundAudioStream(100, (size) -> {
		});
		for (int offset = 0; offset < this.audio.length; offset += 961) {
			source.offer(java.util.Arrays.copyOfRange(this.audio, offset, Math.min(this.audio.length, offset + 961)));
		}
		source.end();
		return source;
	}

	private byte[] wholeConversion() {
		AudioConverter converter = new AudioConverter(AudioFormat.PCM_24K, AudioFormat.MULAW_8K);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(converter.convert(this.audio));
		out.writeBytes(converter.flush());
		return out.toByteArray();
	}

}
