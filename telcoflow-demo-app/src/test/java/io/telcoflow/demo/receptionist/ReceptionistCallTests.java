package io.telcoflow.demo.receptionist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.FakeCall;
import io.telcoflow.demo.TestAudio;
import io.telcoflow.demo.receptionist.ReceptionistCall.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReceptionistCallTests {

	private static final Prompts prompts = Prompts.load();

	private static final byte[] INVOICE = Prompts.read("caller-invoice").data();

	private static final byte[] INTERRUPT = Prompts.read("caller-interrupt").data();

	private static final Duration AFTER_BEEP = prompts.greeting()
		.duration()
		.plus(prompts.beep().duration())
		.plus(Duration.ofMillis(500));

	@TempDir
	Path recordings;

	private final DemoProperties.Receptionist settings = new DemoProperties.Receptionist();

	private final FakeCall call = new FakeCall("0190a8f2-0000-7000-8000-000000000001", "+441632960001");

	@Test
	void callerWhoWaitsForTheBeepHasTheirMessageRecorded() throws IOException {
		this.call.callerSays(TestAudio.concat(TestAudio.silence(AFTER_BEEP), INVOICE));
		assertThat(run()).isEqualTo(Outcome.MESSAGE_TAKEN);
		WavAudio message = recording();
		assertThat(TestAudio.indexOf(message.data(), middleOf(INVOICE))).isNotNegative();
		assertThat(message.duration()).isBetween(duration(INVOICE).minusMillis(300), duration(INVOICE).plusMillis(500));
	}

	@Test
	void callerWhoWaitsForTheBeepHearsTheWholeGreetingTheBeepAndTheGoodbye() throws IOException {
		this.call.callerSays(TestAudio.concat(TestAudio.silence(AFTER_BEEP), INVOICE));
		run();
		assertThat(this.call.agentAudio()).isEqualTo(
				TestAudio.concat(prompts.greeting().data(), prompts.beep().data(), prompts.goodbye().data()));
		assertThat(this.call.commands()).containsExactly("answer", "disconnect");
		assertThat(this.call.terminationReason()).isEqualTo(TerminationReason.DISCONNECTED);
	}

	@Test
	void callerWhoSpeaksOverTheGreetingStopsItAtOnce() throws IOException {
		Duration speaksAfter = Duration.ofSeconds(1);
		this.call.callerSays(TestAudio.concat(TestAudio.silence(speaksAfter), INTERRUPT));
		assertThat(run()).isEqualTo(Outcome.MESSAGE_TAKEN);
		assertThat(this.call.clears()).isOne();
		byte[] agentAudio = this.call.agentAudio();
		byte[] goodbye = prompts.goodbye().data();
		assertThat(Arrays.copyOfRange(agentAudio, agentAudio.length - goodbye.length, agentAudio.length))
			.isEqualTo(goodbye);
		Duration greetingHeard = duration(agentAudio.length - goodbye.length);
		assertThat(greetingHeard).isBetween(speaksAfter, speaksAfter.plusMillis(200));
		assertThat(TestAudio.indexOf(recording().data(), middleOf(INTERRUPT))).isNotNegative();
	}

	@Test
	void operatorKeyPutsTheCallerThroughAndTheReceptionistLeaves() throws IOException {
		this.call.pressesAt(Duration.ofSeconds(1), '0');
		assertThat(run()).isEqualTo(Outcome.PUT_THROUGH);
		assertThat(this.call.commands()).containsExactly("answer", "connect", "close");
		assertThat(this.call.ringTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(TestAudio.indexOf(this.call.agentAudio(), prompts.connecting().data())).isNotNegative();
		assertThat(this.recordings).isEmptyDirectory();
	}

	@Test
	void nobodyAnsweringFallsBackToVoicemail() throws IOException {
		this.call.pressesAt(Duration.ofSeconds(1), '0').connectFails(WssCallCommandException.CALL_UNANSWERED);
		Duration afterVoicemailBeep = Duration.ofSeconds(1)
			.plus(prompts.connecting().duration())
			.plus(prompts.voicemail().duration())
			.plus(prompts.beep().duration())
			.plusMillis(800);
		this.call.callerSays(TestAudio.concat(TestAudio.silence(afterVoicemailBeep), INVOICE));
		assertThat(run()).isEqualTo(Outcome.MESSAGE_TAKEN);
		assertThat(this.call.commands()).containsExactly("answer", "connect", "disconnect");
		assertThat(TestAudio.indexOf(this.call.agentAudio(), prompts.voicemail().data())).isNotNegative();
		assertThat(TestAudio.indexOf(recording().data(), middleOf(INVOICE))).isNotNegative();
	}

	@Test
	void whatTheCallerSaysWhileAHumanIsRungIsNotRecorded() throws IOException {
		this.call.pressesAt(Duration.ofSeconds(1), '0')
			.connectFails(WssCallCommandException.CALL_UNANSWERED)
			.ringsFor(Duration.ofSeconds(6));
		Duration ringingFrom = Duration.ofSeconds(1).plus(prompts.connecting().duration()).plusMillis(500);
		Duration voicemailBeepFrom = Duration.ofSeconds(1).plus(prompts.connecting().duration()).plusSeconds(6)
			.plus(prompts.voicemail().duration()).plus(prompts.beep().duration()).plusMillis(800);
		byte[] whileRinging = TestAudio.tone(300, Duration.ofSeconds(3), 5000);
		this.call.callerSays(TestAudio.concat(TestAudio.silence(ringingFrom), whileRinging,
				TestAudio.silence(voicemailBeepFrom.minus(ringingFrom).minusSeconds(3)), INVOICE));
		assertThat(run()).isEqualTo(Outcome.MESSAGE_TAKEN);
		assertThat(this.call.ringTime()).isEqualTo(Duration.ofSeconds(30));
		WavAudio message = recording();
		assertThat(TestAudio.indexOf(message.data(), middleOf(INVOICE))).isNotNegative();
		assertThat(TestAudio.indexOf(message.data(), Arrays.copyOfRange(whileRinging, 48000, 96000))).isNegative();
	}

	@Test
	void callerWhoHangsUpWhileAHumanIsRungEndsTheCall() throws IOException {
		this.call.pressesAt(Duration.ofSeconds(1), '0').ringsFor(Duration.ofSeconds(10)).hangsUpAt(Duration.ofSeconds(5));
		assertThat(run()).isEqualTo(Outcome.HUNG_UP);
		assertThat(this.call.commands()).containsExactly("answer", "connect");
	}

	@Test
	void otherConnectFailuresAreLeftToTheHandler() {
		this.call.pressesAt(Duration.ofSeconds(1), '0').connectFails(WssCallCommandException.CONNECT_FAILED);
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(this::run)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("CONNECT_FAILED"));
	}

	@Test
	void callerWhoHangsUpDuringTheGreetingEndsTheCall() throws IOException {
		this.call.hangsUpAt(Duration.ofSeconds(2));
		assertThat(run()).isEqualTo(Outcome.HUNG_UP);
		assertThat(this.call.commands()).containsExactly("answer");
		assertThat(this.recordings).isEmptyDirectory();
	}

	@Test
	void callerWhoHangsUpDuringTheMessageKeepsWhatTheySaid() throws IOException {
		this.call.callerSays(TestAudio.concat(TestAudio.silence(AFTER_BEEP), INVOICE))
			.hangsUpAt(AFTER_BEEP.plusSeconds(2));
		assertThat(run()).isEqualTo(Outcome.HUNG_UP);
		assertThat(recording().duration()).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2300));
		assertThat(this.call.commands()).containsExactly("answer");
	}

	@Test
	void callerWhoSaysNothingHearsTheGoodbyeAndLeavesNoFile() throws IOException {
		this.settings.setMessageStartTimeout(Duration.ofSeconds(2));
		assertThat(run()).isEqualTo(Outcome.NO_MESSAGE);
		assertThat(this.call.commands()).containsExactly("answer", "disconnect");
		assertThat(this.recordings).isEmptyDirectory();
	}

	@Test
	void hashKeyEndsTheMessage() throws IOException {
		this.call.callerSays(TestAudio.concat(TestAudio.silence(AFTER_BEEP),
				TestAudio.tone(300, Duration.ofSeconds(10), 5000)))
			.pressesAt(AFTER_BEEP.plusSeconds(3), '#');
		assertThat(run()).isEqualTo(Outcome.MESSAGE_TAKEN);
		assertThat(recording().duration()).isBetween(Duration.ofMillis(2700), Duration.ofMillis(3300));
	}

	@Test
	void messageIsCutAtItsMaximumLength() throws IOException {
		this.settings.setMaxMessageLength(Duration.ofSeconds(2));
		this.call.callerSays(TestAudio.concat(TestAudio.silence(AFTER_BEEP),
				TestAudio.tone(300, Duration.ofSeconds(10), 5000)));
		assertThat(run()).isEqualTo(Outcome.MESSAGE_TAKEN);
		assertThat(recording().duration()).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2100));
	}

	private Outcome run() throws IOException {
		return new ReceptionistCall(this.call, prompts, this.settings, this.recordings, new CallStory(this.call)).run();
	}

	private WavAudio recording() throws IOException {
		try (InputStream in = Files.newInputStream(this.recordings.resolve(this.call.getCallId() + ".wav"))) {
			return WavReader.read(in);
		}
	}

	/** A second of audio from the middle of a phrase. */
	private static byte[] middleOf(byte[] pcm) {
		int start = (pcm.length / 2) & ~1;
		return Arrays.copyOfRange(pcm, start - 24000, start + 24000);
	}

	private static Duration duration(byte[] pcm) {
		return duration(pcm.length);
	}

	private static Duration duration(int bytes) {
		return AudioFormat.pcm(FakeCall.SAMPLE_RATE).duration(bytes);
	}

}
