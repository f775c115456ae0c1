package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.junit.TelcoflowSimulatorExtension;
import io.telcoflow.voiceagent.TurnOutcome;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Barge-in through the simulator: the caller speaks over a long reply at a known point.
 */
class VoiceAgentBargeInTests {

	private static final String FIRST = "Of course, I can help.";

	private static final String SECOND = "We have rooms with a view of the sea and rooms facing the quiet garden.";

	private static final String THIRD = "Which would you like?";

	private static final int FRAME = AudioFormat.PCM_24K.bytes(Duration.ofMillis(20));

	@RegisterExtension
	final TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension(
			(simulator) -> simulator.recordAgentAudio(true));

	private final ScriptedTranscriptionModel caller = ScriptedTranscriptionModel.of("Do you have rooms?");

	// The reply's text is all there, and its stream stays open: a barge-in must cancel it.
	private final ScriptedChatModel chat = new ScriptedChatModel()
		.then(ScriptedChatModel.reply(FIRST + " " + SECOND + " " + THIRD + " ").thenHang());

	// The third sentence's synthesis never ends: a barge-in must cancel it too.
	private final ScriptedTextToSpeechModel speech = new ScriptedTextToSpeechModel()
		.hangWhen((text) -> text.equals(THIRD));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void callerSpeakingOverTheAgentStopsItAndMemoryKeepsWhatWasHeard() {
		try (AgentCalls calls = agent(Duration.ofMillis(300))) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(500));
			// The caller has heard the first sentence and a second of the second, then speaks.
			int first = frames(this.speech.audioBytes(FIRST));
			await().atMost(AgentCalls.WAIT)
				.until(() -> call.record().agentAudioBytes() >= first + AudioFormat.PCM_24K.bytes(Duration.ofSeconds(1)));
			AgentCalls.say(call, Duration.ofMillis(800));

			VoiceAgentEvent.BargeIn bargeIn = calls.awaitEvent(VoiceAgentEvent.BargeIn.class, 1);
			VoiceAgentEvent.AgentSaid said = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			// The caller's barge-in utterance was transcribed as nothing: no reply follows it.
			calls.awaitEvent(VoiceAgentEvent.TurnCompleted.class, 2);

			// Outgoing audio stopped within a frame of the detection: the server pulled no more of the
			// reply than the agent counted as heard when it cleared the buffer.
			long pulled = call.record().agentAudioBytes();
			assertThat(pulled).isBetween(bargeIn.heardBytes(), bargeIn.heardBytes() + FRAME);
			assertThat(bargeIn.heardBytes()).isGreaterThan(first).isLessThan(first + frames(this.speech.audioBytes(SECOND)));

			// The in-flight model calls were cancelled.
			await().atMost(AgentCalls.WAIT)
				.untilAsserted(() -> assertThat(this.chat.cancellations()).isEqualTo(1));
			await().atMost(AgentCalls.WAIT)
				.untilAsserted(() -> assertThat(this.speech.cancellations()).isEqualTo(1));

			// Memory holds exactly the heard text: the first sentence, the words of the second that fit
			// in the bytes pulled (apportioned by characters, whole words only).
			String heard = FIRST + " " + wordsHeard(SECOND, bargeIn.heardBytes() - first);
			assertThat(said.interrupted()).isTrue();
			assertThat(said.heard()).isEqualTo(heard);
			assertThat(bargeIn.heard()).isEqualTo(heard);
			assertThat(said.text()).isEqualTo(FIRST + " " + SECOND + " " + THIRD);
			List<Message> memory = calls.conversation().messages();
			assertThat(memory).hasSize(2);
			assertThat(memory.get(0)).isInstanceOf(UserMessage.class).extracting(Message::getText)
				.isEqualTo("Do you have rooms?");
			assertThat(memory.get(1)).isInstanceOf(AssistantMessage.class).extracting(Message::getText).isEqualTo(heard);

			VoiceAgentEvent.TurnCompleted turn = calls.awaitEvent(VoiceAgentEvent.TurnCompleted.class, 1);
			assertThat(turn.outcome()).isEqualTo(TurnOutcome.INTERRUPTED);
			assertThat(this.meters.get(VoiceAgentMetrics.BARGE_INS).counter().count()).isEqualTo(1);
			assertThat(this.meters.get(VoiceAgentMetrics.TURNS).tag("outcome", "INTERRUPTED").counter().count())
				.isEqualTo(1);
		}
	}

	@Test
	void aShortSoundDoesNotInterrupt() {
		ScriptedTextToSpeechModel speech = new ScriptedTextToSpeechModel();
		ScriptedChatModel chat = ScriptedChatModel.of(FIRST + " " + SECOND);
		try (AgentCalls calls = new AgentCalls(this.telcoflow.simulator(), (listener) -> VoiceAgent.builder()
			.chatModel(chat)
			.transcriptionModel(this.caller)
			.speechModel(speech)
			.bargeInMinDuration(Duration.ofMillis(400))
			.listener(listener)
			.build())) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(500));
			await().atMost(AgentCalls.WAIT)
				.until(() -> call.record().agentAudioBytes() >= AudioFormat.PCM_24K.bytes(Duration.ofSeconds(1)));
			// "Mhm": shorter than the barge-in minimum.
			AgentCalls.say(call, Duration.ofMillis(150));
			VoiceAgentEvent.AgentSaid said = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			assertThat(said.interrupted()).isFalse();
			assertThat(said.heard()).isEqualTo(FIRST + " " + SECOND);
			assertThat(calls.events(VoiceAgentEvent.BargeIn.class)).isEmpty();
			assertThat(chat.cancellations()).isZero();
			// The "mhm" was not a turn of its own.
			assertThat(this.caller.calls()).isEqualTo(1);
		}
	}

	private AgentCalls agent(Duration bargeInMinDuration) {
		return new AgentCalls(this.telcoflow.simulator(), (listener) -> VoiceAgent.builder()
			.chatModel(this.chat)
			.transcriptionModel(this.caller)
			.speechModel(this.speech)
			.bargeInMinDuration(bargeInMinDuration)
			.listener(listener)
			.listener(new VoiceAgentMetrics(this.meters))
			.build());
	}

	/** A sentence's bytes as sent: whole 20 ms frames, the last one padded. */
	private static int frames(int bytes) {
		return (bytes + FRAME - 1) / FRAME * FRAME;
	}

	/** The rule the agent documents: a share of the bytes gives that share of the characters, whole words. */
	private String wordsHeard(String sentence, long bytes) {
		int chars = (int) (bytes * sentence.length() / frames(this.speech.audioBytes(sentence)));
		String prefix = sentence.substring(0, Math.min(chars, sentence.length()));
		if (chars < sentence.length() && !Character.isWhitespace(sentence.charAt(chars))) {
			prefix = prefix.substring(0, prefix.lastIndexOf(' ') + 1);
		}
		return prefix.strip();
	}

}
