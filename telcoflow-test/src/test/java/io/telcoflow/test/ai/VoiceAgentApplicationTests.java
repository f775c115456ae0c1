package io.telcoflow.test.ai;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.actuate.CallTranscripts;
import io.telcoflow.spring.event.AgentSaidEvent;
import io.telcoflow.spring.event.CallerSaidEvent;
import io.telcoflow.spring.event.VoiceAgentTurnEvent;
import io.telcoflow.test.autoconfigure.AutoConfigureTelcoflowSimulator;
import io.telcoflow.test.event.AutoConfigureTelcoflowEvents;
import io.telcoflow.test.event.TelcoflowEventRecorder;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application whose handler is a voice agent from the auto-configured builder, with
 * the scripted models as beans: the greeting from the properties, Spring events, meters and the live
 * transcript the {@code telcoflow} endpoint shows.
 */
@SpringBootTest(classes = VoiceAgentApplicationTests.HotelApplication.class,
		properties = "telcoflow.voice-agent.greeting=Grand Hotel, good evening.")
@AutoConfigureTelcoflowSimulator
@AutoConfigureTelcoflowEvents
class VoiceAgentApplicationTests {

	@Autowired
	private TelcoflowSimulator simulator;

	@Autowired
	private TelcoflowEventRecorder events;

	@Autowired
	private CallTranscripts transcripts;

	@Autowired
	private MeterRegistry meters;

	@Test
	void theHandlersAgentTalksAndTheApplicationSeesTheConversation() {
		SimulatedCall call = this.simulator.placeCall();
		await().atMost(AgentCalls.WAIT)
			.untilAsserted(() -> assertThat(this.events.stream(AgentSaidEvent.class).map(AgentSaidEvent::getHeard))
				.containsExactly("Grand Hotel, good evening."));
		AgentCalls.say(call, Duration.ofMillis(400));
		await().atMost(AgentCalls.WAIT)
			.untilAsserted(() -> assertThat(this.events.stream(AgentSaidEvent.class).map(AgentSaidEvent::getHeard))
				.containsExactly("Grand Hotel, good evening.", "Certainly, for how many nights?"));
		assertThat(this.events.stream(CallerSaidEvent.class).map(CallerSaidEvent::getText))
			.containsExactly("I'd like a room.");
		await().atMost(AgentCalls.WAIT)
			.untilAsserted(() -> assertThat(this.events.stream(VoiceAgentTurnEvent.class)).hasSize(1));
		assertThat(this.transcripts.transcript(call.callId())).extracting(CallTranscripts.TranscriptLine::speaker)
			.containsExactly("agent", "caller", "agent");
		assertThat(this.meters.get(VoiceAgentMetrics.TURNS).tag("outcome", "COMPLETED").counter().count()).isOne();
		call.hangUp();
		await().atMost(AgentCalls.WAIT).until(() -> this.transcripts.transcript(call.callId()) == null);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(FrontDeskAgent.class)
	static class HotelApplication {

		@Bean
		ScriptedChatModel chatModel() {
			return ScriptedChatModel.of("Certainly, for how many nights?");
		}

		@Bean
		ScriptedTranscriptionModel transcriptionModel() {
			return ScriptedTranscriptionModel.of("I'd like a room.");
		}

		@Bean
		ScriptedTextToSpeechModel speechModel() {
			return new ScriptedTextToSpeechModel().perCharacter(Duration.ofMillis(20));
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	static class FrontDeskAgent {

		private final VoiceAgent agent;

		FrontDeskAgent(VoiceAgent.Builder agent) {
			this.agent = agent.systemPrompt("You are the front desk of the Grand Hotel.").build();
		}

		@OnIncomingCall
		void onCall(ActiveCall call) {
			this.agent.run(call);
		}

	}

}
