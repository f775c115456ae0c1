package io.telcoflow.demo.agent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentListener;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The AI receptionist (every profile but {@code scripted}): a voice agent on whichever Spring AI
 * models the application has, the offline ones or OpenAI's (see
 * {@link io.telcoflow.demo.models.OfflineModelsConfiguration}), with the call's transfer and
 * hang-up tools and its own {@link MessageTaker}. Every {@link VoiceAgentListener} bean hears its
 * events, the {@link ConversationLog} among them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!scripted")
public class AiReceptionistConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AiReceptionistConfiguration.class);

	@Bean
	MessageTaker messageTaker(DemoProperties properties) {
		return new MessageTaker(properties.getRecordingsDir());
	}

	@Bean
	ConversationLog conversationLog() {
		return new ConversationLog();
	}

	@Bean
	VoiceAgent receptionistAgent(ChatModel chatModel, TranscriptionModel transcriptionModel,
			TextToSpeechModel speechModel, MessageTaker messageTaker, ObjectProvider<VoiceAgentListener> listeners,
			DemoProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		DemoProperties.Agent agent = properties.getAgent();
		VoiceAgent.Builder builder = VoiceAgent.builder()
			.chatModel(chatModel)
			.transcriptionModel(transcriptionModel)
			.speechModel(speechModel)
			.systemPrompt(agent.getSystemPrompt() + " Opening hours: " + agent.getOpeningHours())
			.greeting(agent.getGreeting())
			.tools(messageTaker)
			.callTools(CallTool.TRANSFER, CallTool.HANG_UP)
			.transferRingTime(agent.getTransferRingTime());
		listeners.orderedStream().forEach(builder::listener);
		meterRegistry.ifAvailable((registry) -> builder.listener(new VoiceAgentMetrics(registry)));
		observationRegistry.ifAvailable(builder::observationRegistry);
		logger.info("AI receptionist on {}, {} and {}", describe(transcriptionModel), describe(chatModel),
				describe(speechModel));
		return builder.build();
	}

	@Bean
	AiReceptionist aiReceptionist(VoiceAgent receptionistAgent) {
		return new AiReceptionist(receptionistAgent);
	}

	private static String describe(Object model) {
		return model.getClass().getSimpleName();
	}

}
