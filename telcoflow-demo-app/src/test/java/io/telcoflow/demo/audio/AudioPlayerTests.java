package io.telcoflow.demo.audio;

import java.time.Duration;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.codec.G711;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.demo.FakeCall;
import io.telcoflow.demo.TestAudio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudioPlayerTests {

	private static final int FRAME = 960;

	private final FakeCall call = new FakeCall("call-1", "+441632960001");

	private final AudioPlayer player = new AudioPlayer(this.call, Duration.ofMillis(100));

	private final byte[] prompt = TestAudio.tone(440, Duration.ofSeconds(1), 5000);

	@Test
	void keepsOnlyTheLeadInTheCallsBufferIn20MillisecondChunks() {
		this.call.answer();
		this.player.play(new WavAudio(AudioFormat.PCM_24K, this.prompt));
		assertThat(this.player.pump()).isTrue();
		assertThat(this.call.getSendAudioBufferSize()).isEqualTo(5 * FRAME);
		assertThat(this.player.isQueueEmpty()).isFalse();
	}

	@Test
	void playsEverythingWhenPumpedOnEveryTurn() {
		this.call.answer();
		this.player.play(new WavAudio(AudioFormat.PCM_24K, this.prompt));
		while (!this.player.isIdle()) {
			this.player.pump();
			this.call.audioStream().poll(Duration.ofMillis(20));
		}
		assertThat(this.call.agentAudio()).isEqualTo(this.prompt);
	}

	@Test
	void bufferFullKeepsTheChunkForTheNextTurn() {
		this.call.answer();
		this.call.bufferFullOnNextSends(1);
		this.player.play(new WavAudio(AudioFormat.PCM_24K, this.prompt));
		assertThat(this.player.pump()).isTrue();
		assertThat(this.call.getSendAudioBufferSize()).isZero();
		assertThat(this.player.bufferFullCount()).isOne();
		while (!this.player.isIdle()) {
			this.player.pump();
			this.call.audioStream().poll(Duration.ofMillis(20));
		}
		assertThat(this.call.agentAudio()).isEqualTo(this.prompt);
	}

	@Test
	void closedBufferEndsThePlaying() {
		this.call.answer();
		this.player.play(new WavAudio(AudioFormat.PCM_24K, this.prompt));
		this.call.hangUp();
		assertThat(this.player.pump()).isFalse();
		assertThat(this.player.isClosed()).isTrue();
		assertThat(this.player.isIdle()).isTrue();
	}

	@Test
	void stopDropsWhatIsQueuedAndWhatTheCallBuffered() {
		this.call.answer();
		this.player.play(new WavAudio(AudioFormat.PCM_24K, this.prompt));
		this.player.pump();
		this.player.stop();
		assertThat(this.call.clears()).isOne();
		assertThat(this.call.getSendAudioBufferSize()).isZero();
		assertThat(this.player.isIdle()).isTrue();
	}

	@Test
	void stopAfterTheCallEndedIsQuiet() {
		this.call.answer();
		this.player.play(new WavAudio(AudioFormat.PCM_24K, this.prompt));
		this.call.hangUp();
		this.player.stop();
		assertThat(this.player.isIdle()).isTrue();
	}

	@Test
	void convertsAudioInAnotherFormatToTheCalls() {
		this.call.answer();
		byte[] ulaw = G711.encodeMuLaw(java.util.Arrays.copyOf(this.prompt, 1600));
		this.player.play(new WavAudio(AudioFormat.MULAW_8K, ulaw));
		AudioConverter converter = new AudioConverter(AudioFormat.MULAW_8K, AudioFormat.PCM_24K);
		byte[] body = converter.convert(ulaw);
		byte[] tail = converter.flush();
		byte[] expected = java.util.Arrays.copyOf(body, body.length + tail.length);
		System.arraycopy(tail, 0, expected, body.length, tail.length);
		assertThat(expected).hasSize(3 * 1600);
		while (!this.player.isIdle()) {
			this.player.pump();
			this.call.audioStream().poll(Duration.ofMillis(20));
		}
		assertThat(this.call.agentAudio()).isEqualTo(expected);
	}

}
