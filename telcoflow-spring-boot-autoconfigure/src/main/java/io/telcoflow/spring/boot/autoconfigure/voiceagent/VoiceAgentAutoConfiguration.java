package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.spring.boot.voiceagent.VoiceAgentEventPublisher;
import io.telcoflow.spring.boot.voiceagent.VoiceAgentTranscripts;
import io.telcoflow.spring.event.TelcoflowEventPublisher;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentListener;
import io.telcoflow.voiceagent.VoiceAgentMetrics;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for voice agents, when
 * {@code telcoflow-voice-agent} and Spring AI are on the class path: a prototype
 * {@link VoiceAgent.Builder} bean (a fresh builder per injection point, like Spring AI's
 * {@code ChatClient.Builder}) set up from the {@code ChatClient.Builder} (or the only
 * {@code ChatModel}), the only {@code TranscriptionModel} and {@code TextToSpeechModel}, the
 * {@code telcoflow.voice-agent.*} properties and every {@link VoiceAgentListener} bean; meters
 * ({@link VoiceAgentMetrics}) when there is a {@code MeterRegistry}, Spring events and the live
 * transcripts of the {@code telcoflow} endpoint.
 */
@AutoConfiguration(afterName = { "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration",
		"io.telcoflow.spring.boot.autoconfigure.observation.TelcoflowEventsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration" })
@ConditionalOnClass({ VoiceAgent.class, ChatClient.class, TranscriptionModel.class })
@ConditionalOnBooleanProperty(name = "telcoflow.voice-agent.enabled", matchIfMissing = true)
@EnableConfigurationProperties(VoiceAgentProperties.class)
public final class VoiceAgentAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VoiceAgentBuilderConfigurer voiceAgentBuilderConfigurer(VoiceAgentProperties properties) {
		return new VoiceAgentBuilderConfigurer(properties);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	VoiceAgent.Builder voiceAgentBuilder(VoiceAgentBuilderConfigurer configurer,
			ObjectProvider<ChatClient.Builder> chatClientBuilder, ObjectProvider<ChatModel> chatModel,
			ObjectProvider<TranscriptionModel> transcriptionModel, ObjectProvider<TextToSpeechModel> speechModel,
			ObjectProvider<VoiceAgentListener> listeners, ObjectProvider<ObservationRegistry> observationRegistry) {
		return configurer.configure(VoiceAgent.builder(), chatClientBuilder.getIfAvailable(), chatModel.getIfUnique(),
				transcriptionModel.getIfUnique(), speechModel.getIfUnique(), listeners.orderedStream().toList(),
				observationRegistry.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "telcoflow.voice-agent.transcripts-in-endpoint", matchIfMissing = true)
	VoiceAgentTranscripts voiceAgentTranscripts() {
		return new VoiceAgentTranscripts();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TelcoflowEventPublisher.class)
	VoiceAgentEventPublisher voiceAgentEventPublisher(TelcoflowEventPublisher publisher) {
		return new VoiceAgentEventPublisher(publisher);
	}

	// Nested so that the meter types are only read once Micrometer is known to be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
	static class VoiceAgentMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VoiceAgentMetrics voiceAgentMetrics(MeterRegistry meterRegistry) {
			return new VoiceAgentMetrics(meterRegistry);
		}

	}

}
