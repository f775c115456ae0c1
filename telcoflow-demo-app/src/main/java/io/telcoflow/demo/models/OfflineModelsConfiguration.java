package io.telcoflow.demo.models;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.demo.agent.CallerSentences;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechModel;
import io.telcoflow.speech.offline.SphinxTranscriptionModel;
import io.telcoflow.speech.offline.demo.IntentChatModel;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The offline models, each only where the application has no model of its kind: an
 * auto-configuration (listed in this application's {@code AutoConfiguration.imports}) that runs
 * after OpenAI's, so that with {@code spring.ai.openai.api-key} set OpenAI's models are used and
 * these are never created. Any other Spring AI starter, or a bean of the application, wins the same
 * way. Not in the {@code scripted} profile, whose receptionist needs no model.
 */
@AutoConfiguration(afterName = { "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration",
		"org.springframework.ai.model.openai.autoconfigure.OpenAiAudioTranscriptionAutoConfiguration",
		"org.springframework.ai.model.openai.autoconfigure.OpenAiAudioSpeechAutoConfiguration" })
@Profile("!scripted")
public final class OfflineModelsConfiguration {

	/**
	 * Recognizes the scripted callers' sentences. One recognizer: loading one takes seconds and
	 * transcribing a sentence a fraction of one, so a second would stall a call while it loads more
	 * than waiting for the first does.
	 */
	@Bean
	@ConditionalOnMissingBean(TranscriptionModel.class)
	SphinxTranscriptionModel sphinxTranscriptionModel() {
		return SphinxTranscriptionModel.builder()
			.phrases(CallerSentences.phrases())
			.maxConcurrentTranscriptions(1)
			.build();
	}

	/** Speaks in FreeTTS's 16 kHz voice, at the call's 24 kHz: the agent's default speech format. */
	@Bean
	@ConditionalOnMissingBean(TextToSpeechModel.class)
	FreeTtsTextToSpeechModel freeTtsTextToSpeechModel() {
		return new FreeTtsTextToSpeechModel();
	}

	@Bean
	@ConditionalOnMissingBean(ChatModel.class)
	IntentChatModel intentChatModel(DemoProperties properties) {
		return IntentChatModel.builder().openingHours(properties.getAgent().getOpeningHours()).build();
	}

}
