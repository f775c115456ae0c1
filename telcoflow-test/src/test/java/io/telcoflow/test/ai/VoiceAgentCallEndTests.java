package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.junit.TelcoflowSimulatorExtension;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The caller hangs up while the agent is sending audio: the conversation ends quietly, as a call
 * that ended and not as a model that failed.
 */
class VoiceAgentCallEndTests {

	@RegisterExtension
	final TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension();

	// A long greeting, synthesized five times faster than it plays (100 ms of audio every 20 ms): the
	// agent is sending, and the synthesis is still running, when the caller hangs up.
	private final ScriptedTextToSpeechModel speech = new ScriptedTextToSpeechModel().perCharacter(Duration.ofMillis(200))
		.chunkBytes(4800)
		.chunkDelay(Duration.ofMillis(20));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Throwable> stray = new CopyOnWriteArrayList<>();

	private Thread.@org.jspecify.annotations.Nullable UncaughtExceptionHandler previousHandler;

	@BeforeEach
	void catchStrayErrors() {
		this.previousHandler = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> this.stray.add(ex));
		Hooks.onErrorDropped(this.stray::add);
	}

	@AfterEach
	void restore() {
		Thread.setDefaultUncaughtExceptionHandler(this.previousHandler);
		Hooks.resetOnErrorDropped();
	}

	@Test
	void aCallerWhoHangsUpWhileTheAgentTalksEndsTheConversationWithoutAFailure() {
		// The application's own listener is told of the end first and takes its time: meanwhile the
		// outgoing buffer is already closed and the agent, not yet told, goes on sending.
		CallListener slowListener = new CallListener() {
			@Override
			public void onTerminated(ActiveCall call, TerminationReason reason) {
				LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
			}
		};
		try (AgentCalls calls = new AgentCalls(this.telcoflow.simulator(), (listener) -> VoiceAgent.builder()
			.chatModel(new ScriptedChatModel())
			.transcriptionModel(ScriptedTranscriptionModel.of())
			.speechModel(this.speech)
			.greeting("Welcome to the Grand Hotel, where every guest is a friend and every night a rest.")
			.listener(listener)
			.listener(new VoiceAgentMetrics(this.meters))
			.build(), (call) -> call.addListener(slowListener))) {
			SimulatedCall call = calls.place();
			// The greeting is being sent and heard.
			await().atMost(AgentCalls.WAIT).until(() -> calls.conversation().call().getPlayedAudioBytes() > 0);
			call.hangUp();

			VoiceAgentEvent.ConversationEnded ended = calls.awaitEvent(VoiceAgentEvent.ConversationEnded.class, 1);
			assertThat(ended.reason()).isEqualTo(VoiceAgentEvent.EndReason.CALL_ENDED);
			assertThat(calls.conversation().isActive()).isFalse();
			await().atMost(AgentCalls.WAIT).until(() -> this.speech.cancellations() == 1);
			assertThat(calls.events(VoiceAgentEvent.ModelFailed.class)).isEmpty();
			assertThat(this.meters.find(VoiceAgentMetrics.FAILURES).counters()).isEmpty();
			assertThat(calls.events(VoiceAgentEvent.AgentSaid.class)).singleElement()
				.satisfies((said) -> assertThat(said.unheard()).isNotEmpty());
			assertThat(this.stray).isEmpty();
		}
	}

}
