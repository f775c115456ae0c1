package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.junit.TelcoflowSimulatorExtension;
import io.telcoflow.voiceagent.ModelStage;
import io.telcoflow.voiceagent.TurnOutcome;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A model that fails or does not answer in time: the caller hears the fallback line, the call goes on,
 * the failure is an event and a meter.
 */
class VoiceAgentFailureTests {

	private static final String FALLBACK = "Sorry, one moment please.";

	@RegisterExtension
	final TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension(
			(simulator) -> simulator.recordAgentAudio(true));

	private final ScriptedTextToSpeechModel speech = new ScriptedTextToSpeechModel().perCharacter(Duration.ofMillis(20));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aFailingChatModelMakesTheAgentSayItsFallbackLineAndTheCallGoesOn() {
		ScriptedChatModel chat = new ScriptedChatModel()
			.then(ScriptedChatModel.reply("").thenFail(new IllegalStateException("model down")))
			.then("Now I can answer.");
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("Hello?", "Hello again?"), (b) -> b)) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.ModelFailed failed = calls.awaitEvent(VoiceAgentEvent.ModelFailed.class, 1);
			assertThat(failed.stage()).isEqualTo(ModelStage.CHAT);
			assertThat(failed.timedOut()).isFalse();
			assertThat(failed.error()).hasMessageContaining("model down");
			assertFallbackHeard(calls, 1);
			assertThat(calls.awaitEvent(VoiceAgentEvent.TurnCompleted.class, 1).outcome()).isEqualTo(TurnOutcome.FAILED);
			assertThat(this.meters.get(VoiceAgentMetrics.FAILURES).tags("stage", "CHAT", "kind", "ERROR").counter().count())
				.isEqualTo(1);
			// The call was not dropped: the next turn is answered.
			AgentCalls.say(call, Duration.ofMillis(400));
			assertThat(calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, 2).heard()).isEqualTo("Now I can answer.");
			assertThat(call.state()).isEqualTo("ANSWERED");
		}
	}

	@Test
	void aChatModelThatTimesOutIsCancelledAndTheFallbackLinePlays() {
		ScriptedChatModel chat = new ScriptedChatModel()
			.then(ScriptedChatModel.reply("Too late.").firstTokenAfter(Duration.ofSeconds(60)));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("Hello?"),
				(b) -> b.chatTimeout(Duration.ofMillis(500)))) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.ModelFailed failed = calls.awaitEvent(VoiceAgentEvent.ModelFailed.class, 1);
			assertThat(failed.stage()).isEqualTo(ModelStage.CHAT);
			assertThat(failed.timedOut()).isTrue();
			assertThat(failed.error()).isInstanceOf(TimeoutException.class);
			assertFallbackHeard(calls, 1);
			await().atMost(AgentCalls.WAIT).until(() -> chat.cancellations() == 1);
			assertThat(this.meters.get(VoiceAgentMetrics.FAILURES).tags("stage", "CHAT", "kind", "TIMEOUT").counter().count())
				.isEqualTo(1);
			assertThat(call.state()).isEqualTo("ANSWERED");
		}
	}

	@Test
	void aTranscriptionThatFailsOrTimesOutMakesTheAgentSayItsFallbackLine() {
		ScriptedTranscriptionModel caller = new ScriptedTranscriptionModel()
			.thenFail(new IllegalStateException("transcription down"))
			.thenAfter(Duration.ofSeconds(5), "Too late.");
		try (AgentCalls calls = agent(new ScriptedChatModel(), caller,
				(b) -> b.transcriptionTimeout(Duration.ofMillis(500)))) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.ModelFailed failed = calls.awaitEvent(VoiceAgentEvent.ModelFailed.class, 1);
			assertThat(failed.stage()).isEqualTo(ModelStage.TRANSCRIPTION);
			assertThat(failed.timedOut()).isFalse();
			assertFallbackHeard(calls, 1);
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.ModelFailed timedOut = calls.awaitEvent(VoiceAgentEvent.ModelFailed.class, 2);
			assertThat(timedOut.stage()).isEqualTo(ModelStage.TRANSCRIPTION);
			assertThat(timedOut.timedOut()).isTrue();
			assertFallbackHeard(calls, 2);
			assertThat(this.meters.get(VoiceAgentMetrics.FAILURES).tag("stage", "TRANSCRIPTION").counters())
				.hasSize(2);
		}
	}

	@Test
	void aFailingSpeechModelStillLetsTheCallerHearTheFallbackLine() {
		ScriptedChatModel chat = ScriptedChatModel.of("This sentence is broken.");
		this.speech.failWhen((text) -> text.contains("broken"));
		try (AgentCalls calls = agent(chat, ScriptedTranscriptionModel.of("Hello?"), (b) -> b)) {
			SimulatedCall call = calls.place();
			AgentCalls.say(call, Duration.ofMillis(400));
			VoiceAgentEvent.ModelFailed failed = calls.awaitEvent(VoiceAgentEvent.ModelFailed.class, 1);
			assertThat(failed.stage()).isEqualTo(ModelStage.SPEECH);
			assertFallbackHeard(calls, 1);
			await().atMost(AgentCalls.WAIT)
				.until(() -> call.record().agentAudioBytes() >= this.speech.audioBytes(FALLBACK));
		}
	}

	private void assertFallbackHeard(AgentCalls calls, int count) {
		VoiceAgentEvent.AgentSaid said = calls.awaitEvent(VoiceAgentEvent.AgentSaid.class, count);
		assertThat(said.heard()).isEqualTo(FALLBACK);
		assertThat(said.interrupted()).isFalse();
	}

	private AgentCalls agent(ScriptedChatModel chat, ScriptedTranscriptionModel caller,
			UnaryOperator<VoiceAgent.Builder> customizer) {
		return new AgentCalls(this.telcoflow.simulator(), (listener) -> customizer.apply(VoiceAgent.builder()
			.chatModel(chat)
			.transcriptionModel(caller)
			.speechModel(this.speech)
			.fallbackLine(FALLBACK)
			.listener(listener)
			.listener(new VoiceAgentMetrics(this.meters))).build());
	}

}
