package io.telcoflow.benchmarks.agent;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.benchmarks.app.DispatchRecorder;
import io.telcoflow.benchmarks.app.ProcessProbe;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentMetrics;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The voice agent under test: the starter and telcoflow-voice-agent's auto-configured
 * {@code VoiceAgent.Builder} on {@link InstantModels}, run on every call by an
 * {@code @OnIncomingCall} handler, with a greeting and the end-of-utterance silence
 * {@link InstantModels#END_OF_UTTERANCE_SILENCE}. Started by the harness like the echo
 * application (its own package, so that neither scans the other's beans); its {@code timer} answer is the agent's own response latency
 * ({@code telcoflow.voice-agent.latency}, part {@code response}).
 */
@SpringBootApplication
public class SdkAgentApplication {

	static final DispatchRecorder dispatch = new DispatchRecorder();

	/**
	 * Starts the application.
	 * @param args Spring Boot arguments ({@code --telcoflow.url=...})
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SdkAgentApplication.class);
		application.setDefaultProperties(Map.of("telcoflow.max-concurrent-calls", "0",
				"telcoflow.voice-agent.greeting", "Grand Hotel, good evening.",
				"telcoflow.voice-agent.end-of-utterance-silence", InstantModels.END_OF_UTTERANCE_SILENCE.toMillis() + "ms",
				"management.metrics.distribution.percentiles." + VoiceAgentMetrics.LATENCY, "0.5,0.99",
				"spring.main.banner-mode", "off"));
		ConfigurableApplicationContext context = application.run(args);
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		ProcessProbe.start(dispatch, () -> ProcessProbe
			.describe(registry.find(VoiceAgentMetrics.LATENCY).tag("part", "response").timer()));
		// the agent's own view of its turns, part by part, in the log (count, p50, p99, max in µs)
		Runtime.getRuntime().addShutdownHook(new Thread(() -> registry.find(VoiceAgentMetrics.LATENCY)
			.timers()
			.forEach((timer) -> System.out.println("agent latency " + timer.getId().getTag("part") + ": "
					+ ProcessProbe.describe(timer)))));
	}

	@Bean
	TranscriptionModel transcriptionModel() {
		return InstantModels.transcription();
	}

	@Bean
	ChatModel chatModel() {
		return InstantModels.chat();
	}

	@Bean
	TextToSpeechModel speechModel() {
		return InstantModels.speech();
	}

	@Bean
	VoiceAgent voiceAgent(VoiceAgent.Builder builder) {
		return builder.build();
	}

	@Bean
	AgentHandler agentHandler(VoiceAgent voiceAgent) {
		return new AgentHandler(voiceAgent);
	}

	/**
	 * Runs the agent on every call.
	 */
	public static class AgentHandler {

		private final VoiceAgent voiceAgent;

		AgentHandler(VoiceAgent voiceAgent) {
			this.voiceAgent = voiceAgent;
		}

		/**
		 * Converses until the call ends.
		 * @param call the call
		 */
		@OnIncomingCall
		public void converse(ActiveCall call) {
			dispatch.entered(call.getOfferedAt());
			this.voiceAgent.run(call);
		}

	}

}
