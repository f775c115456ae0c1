package io.telcoflow.test.ai;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.junit.TelcoflowSimulatorExtension;
import io.telcoflow.voiceagent.TranscriptEntry;
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
 * A whole conversation through the simulator: greeting, two turns, transcripts, memory, meters.
 */
class VoiceAgentConversationTests {

	@RegisterExtension
	final TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension(
			(simulator) -> simulator.recordAgentAudio(true));

	private final ScriptedTranscriptionModel caller = ScriptedTranscriptionModel.of("I'd like a room for tonight.",
			"Two people, please.");

	private final ScriptedChatModel chat = ScriptedChatModel.of("Certainly. For how many people?",
			"Done. Your room is booked for two.");

	private final ScriptedTextToSpeechModel speech = new ScriptedTextToSpeechModel().perCharacter(Duration.ofMillis(20));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@Test
	void greetsAnswersEachUtteranceAndRemembersTheConversation() {
		try (AgentCalls calls = new AgentCalls(this.telcoflow.simulator(), (listener) -> VoiceAgent.builder()
			.chatModel(this.chat)
			.transcriptionModel(this.caller)
			.speechModel(this.speech)
			.systemPrompt("You are the front desk of the Grand Hotel.")
			.greeting("Grand Hotel, good evening.")
			.listener(listener)
			.listener(new VoiceAgentMetrics(this.meters))
			.observationRegistry(this.observations)
			.build())) {
			SimulatedCall call = calls.place();
			VoiceAgentEvent.AgentSaid greeting = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 1);
			assertThat(greeting.heard()).isEqualTo("Grand Hotel, good evening.");
			assertThat(greeting.interrupted()).isFalse();

			AgentCalls.say(call, Duration.ofMillis(500));
			VoiceAgentEvent.AgentSaid first = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 2);
			assertThat(first.heard()).isEqualTo("Certainly. For how many people?");
			AgentCalls.say(call, Duration.ofMillis(500));
			VoiceAgentEvent.AgentSaid second = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 3);
			assertThat(second.heard()).isEqualTo("Done. Your room is booked for two.");

			assertThat(calls.conversation().transcript()).extracting(TranscriptEntry::speaker, TranscriptEntry::text)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Speaker.AGENT, "Grand Hotel, good evening."),
						org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Speaker.CALLER, "I'd like a room for tonight."),
						org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Speaker.AGENT, "Certainly. For how many people?"),
						org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Speaker.CALLER, "Two people, please."),
						org.assertj.core.groups.Tuple.tuple(TranscriptEntry.Speaker.AGENT, "Done. Your room is booked for two."));
			// The second turn's prompt: system prompt, the conversation so far, the new utterance.
			assertThat(this.chat.prompts().get(1).getInstructions()).extracting(Message::getText)
				.containsExactly("You are the front desk of the Grand Hotel.", "Grand Hotel, good evening.",
						"I'd like a room for tonight.", "Certainly. For how many people?", "Two people, please.");
			assertThat(calls.conversation().messages()).hasSize(5);
			assertThat(calls.conversation().messages().get(3)).isInstanceOf(UserMessage.class);
			assertThat(calls.conversation().messages().get(4)).isInstanceOf(AssistantMessage.class);
			// Each utterance went to the transcription model as a WAV file named so.
			assertThat(this.caller.filenames()).containsExactly("utterance.wav", "utterance.wav");
			assertThat(this.caller.received().get(0)).startsWith("RIFF".getBytes());
			// Sentences were synthesized one by one.
			assertThat(this.speech.texts()).contains("Certainly.", "For how many people?");

			VoiceAgentEvent.TurnCompleted turn = calls.awaitEvent(VoiceAgentEvent.TurnCompleted.class, 2);
			assertThat(turn.outcome()).isEqualTo(TurnOutcome.COMPLETED);
			assertThat(turn.response()).isNotNull().isPositive();
			assertThat(turn.transcription()).isNotNull();
			assertThat(turn.firstToken()).isNotNull();
			assertThat(turn.firstSpeech()).isNotNull();
			assertThat(turn.response()).isGreaterThanOrEqualTo(turn.endOfUtterance());
			assertThat(this.meters.get(VoiceAgentMetrics.TURNS).tag("outcome", "COMPLETED").counter().count())
				.isEqualTo(2);
			assertThat(this.meters.get(VoiceAgentMetrics.LATENCY).tag("part", "response").timer().count()).isEqualTo(2);
			// An observation per turn, with an event at each part.
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasNumberOfObservationsWithNameEqualTo("telcoflow.voice-agent.turn", 2)
				.hasObservationWithNameEqualTo("telcoflow.voice-agent.turn")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "COMPLETED")
				.hasHighCardinalityKeyValue("telcoflow.call.id", call.callId())
				.hasEvent("telcoflow.voice-agent.transcribed")
				.hasEvent("telcoflow.voice-agent.first-token")
				.hasEvent("telcoflow.voice-agent.first-speech")
				.hasEvent("telcoflow.voice-agent.first-audio-played");
			// The caller heard all of it: the server pulled every byte the agent sent.
			await().atMost(AgentCalls.WAIT)
				.untilAsserted(() -> assertThat(call.record().agentAudioBytes()).isGreaterThanOrEqualTo(
						this.speech.audioBytes("Grand Hotel, good evening.") + this.speech.audioBytes("Certainly.")));
			assertThat(calls.conversation().isActive()).isTrue();
		}
	}

}
