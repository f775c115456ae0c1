package io.telcoflow.client;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.Signals;
import io.telcoflow.client.exception.BufferFullException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConvertingAudioSenderTests {

	private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

	private final AtomicBoolean full = new AtomicBoolean();

	private final AtomicInteger clears = new AtomicInteger();

	private final ActiveCall call = (ActiveCall) Proxy.newProxyInstance(getClass().getClassLoader(),
			new Class<?>[] { ActiveCall.class }, (proxy, method, args) -> {
				switch (method.getName()) {
					case "sendAudio" -> {
						if (this.full.get()) {
							throw new BufferFullException("full");
						}
						this.sent.writeBytes((byte[]) args[0]);
					}
					case "clearSendAudioBuffer" -> this.clears.incrementAndGet();
					case "getSampleRate" -> {
						return 24_000;
					}
					default -> throw new UnsupportedOperationException(method.getName());
				}
				return null;
			});

	@Test
	void aChunkThatDoesNotFitLeavesNothingBehindAndCanBeSentAgain() {
		byte[] audio = Signals.toBytes(Signals.sine(16_000, 300, 8000, 1600));
		ConvertingAudioSender sender = new ConvertingAudioSender(this.call,
				new AudioConverter(AudioFormat.PCM_16K, AudioFormat.PCM_24K));
		sender.send(java.util.Arrays.copyOf(audio, 1000));
		this.full.set(true);
		assertThatExceptionOfType(BufferFullException.class)
			.isThrownBy(() -> sender.send(java.util.Arrays.copyOfRange(audio, 1000, audio.length)));
		this.full.set(false);
		sender.send(java.util.Arrays.copyOfRange(audio, 1000, audio.length));
		sender.flush();

		AudioConverter whole = new AudioConverter(AudioFormat.PCM_16K, AudioFormat.PCM_24K);
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		expected.writeBytes(whole.convert(audio));
		expected.writeBytes(whole.flush());
		assertThat(this.sent.toByteArray()).isEqualTo(expected.toByteArray());
	}

	@Test
	void clearDropsHeldBackAudioAndTheCallsBuffer() {
		ConvertingAudioSender sender = new ConvertingAudioSender(this.call,
				new AudioConverter(AudioFormat.PCM_16K, AudioFormat.PCM_24K));
		sender.send(Signals.toBytes(Signals.sine(16_000, 300, 8000, 800)));
		int before = this.sent.size();
		sender.clear();
		sender.flush();
		assertThat(this.clears).hasValue(1);
		assertThat(this.sent.size()).isEqualTo(before);
		assertThat(sender.format()).isEqualTo(AudioFormat.PCM_16K);
	}

}
