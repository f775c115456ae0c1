package io.telcoflow.demo.audio;

import java.time.Duration;

import io.telcoflow.demo.FakeCall;
import io.telcoflow.demo.TestAudio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AudioPlayerTests {

	private static final int FRAME = 960;

	private final FakeCall call = new FakeCall("call-1", "+441632960001");

	private final AudioPlayer player = new AudioPlayer(this.call, Duration.ofMillis(100));

	private final byte[] prompt = TestAudio.tone(440, Duration.ofSeconds(1), 5000);

	@Test
	void keepsOnlyTheLeadInTheCallsBufferIn20MillisecondChunks() {
		this.call.answer();
		this.player.play(new PcmAudio(24000, this.prompt));
		assertThat(this.player.pump()).isTrue();
		assertThat(this.call.getSendAudioBufferSize()).isEqualTo(5 * FRAME);
		assertThat(this.player.isQueueEmpty()).isFalse();
	}

	@Test
	void playsEverythingWhenPumpedOnEveryTurn() {
		this.call.answer();
		this.player.play(new PcmAudio(24000, this.prompt));
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
		this.player.play(new PcmAudio(24000, this.prompt));
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
		this.player.play(new PcmAudio(24000, this.prompt));
		this.call.hangUp();
		assertThat(this.player.pump()).isFalse();
		assertThat(this.player.isClosed()).isTrue();
		assertThat(this.player.isIdle()).isTrue();
	}

	@Test
	void stopDropsWhatIsQueuedAndWhatTheCallBuffered() {
		this.call.answer();
		this.player.play(new PcmAudio(24000, this.prompt));
		this.player.pump();
		this.player.stop();
		assertThat(this.call.clears()).isOne();
		assertThat(this.call.getSendAudioBufferSize()).isZero();
		assertThat(this.player.isIdle()).isTrue();
	}

	@Test
	void stopAfterTheCallEndedIsQuiet() {
		this.call.answer();
		this.player.play(new PcmAudio(24000, this.prompt));
		this.call.hangUp();
		this.player.stop();
		assertThat(this.player.isIdle()).isTrue();
	}

	@Test
	void refusesAudioAtAnotherSampleRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.player.play(new PcmAudio(16000, this.prompt)))
			.withMessageContaining("16000 Hz");
	}

}
