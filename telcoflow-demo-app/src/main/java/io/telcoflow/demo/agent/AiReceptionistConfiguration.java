package io.telcoflow.demo.agent;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.voiceagent.VoiceAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The AI receptionist (every profile but {@code scripted}): a voice agent from the starter's
 * {@link VoiceAgent.Builder}, which brings the application's Spring AI models (the offline ones or
 * OpenAI's, see {@link io.telcoflow.demo.models.OfflineModelsConfiguration}), the
 * {@code telcoflow.voice-agent.*} properties of {@code application.yml} (greeting, system prompt,
 * the call's transfer and hang-up tools), meters, events, the live transcripts of the
 * {@code telcoflow} endpoint and every listener bean, the {@link ConversationLog} among them; the
 * receptionist adds its own tool, the {@link MessageTaker}.
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
	VoiceAgent receptionistAgent(VoiceAgent.Builder builder, MessageTaker messageTaker,
			TranscriptionModel transcriptionModel, ChatModel chatModel, TextToSpeechModel speechModel) {
		logger.info("AI receptionist on {}, {} and {}", name(transcriptionModel), name(chatModel), name(speechModel));
		return builder.tools(messageTaker).build();
	}

	@Bean
	AiReceptionist aiReceptionist(VoiceAgent receptionistAgent) {
		return new AiReceptionist(receptionistAgent);
	}

	private static String name(Object model) {
		return model.getClass().getSimpleName();
	}

}
