package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.resample.Resampler;
import io.telcoflow.spring.boot.autoconfigure.InvalidTelcoflowPropertyException;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentListener;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Applies the {@code telcoflow.voice-agent.*} properties and the application's model beans to a
 * {@link VoiceAgent.Builder}. The properties are checked when it is created (at startup), each bad
 * value with the property's name and what to do.
 */
public final class VoiceAgentBuilderConfigurer {

	private final VoiceAgentProperties properties;

	private final AudioFormat speechFormat;

	/**
	 * Creates a configurer and checks the properties.
	 * @param properties the properties
	 * @throws InvalidTelcoflowPropertyException when a property has a bad value
	 */
	public VoiceAgentBuilderConfigurer(VoiceAgentProperties properties) {
		this.properties = properties;
		positive("telcoflow.voice-agent.end-of-utterance-silence", properties.getEndOfUtteranceSilence(), "600ms");
		positive("telcoflow.voice-agent.max-utterance", properties.getMaxUtterance(), "30s");
		positive("telcoflow.voice-agent.transfer-ring-time", properties.getTransferRingTime(), "30s");
		positive("telcoflow.voice-agent.barge-in.min-duration", properties.getBargeIn().getMinDuration(), "300ms");
		positive("telcoflow.voice-agent.timeout.transcription", properties.getTimeout().getTranscription(), "10s");
		positive("telcoflow.voice-agent.timeout.chat", properties.getTimeout().getChat(), "10s");
		positive("telcoflow.voice-agent.timeout.speech", properties.getTimeout().getSpeech(), "10s");
		if (properties.getFallbackLine() == null || properties.getFallbackLine().isBlank()) {
			throw new InvalidTelcoflowPropertyException("telcoflow.voice-agent.fallback-line",
					properties.getFallbackLine(), "The fallback line must not be blank: the caller hears it when a model fails.",
					"Set telcoflow.voice-agent.fallback-line to a sentence, or remove it to use the default.");
		}
		if (properties.getMaxUtterance().compareTo(properties.getEndOfUtteranceSilence()) <= 0) {
			throw new InvalidTelcoflowPropertyException("telcoflow.voice-agent.max-utterance",
					properties.getMaxUtterance().toString(),
					"The longest utterance must be longer than the end-of-utterance silence ("
							+ properties.getEndOfUtteranceSilence() + ").",
					"Set telcoflow.voice-agent.max-utterance to a duration such as 30s.");
		}
		int rate = properties.getSpeech().getSampleRate();
		if (!Resampler.SUPPORTED_RATES.contains(rate)) {
			throw new InvalidTelcoflowPropertyException("telcoflow.voice-agent.speech.sample-rate", String.valueOf(rate),
					"The speech model's sample rate cannot be converted to a call's.",
					"Set telcoflow.voice-agent.speech.sample-rate to one of " + Resampler.SUPPORTED_RATES
							+ " (24000 for OpenAI's pcm format).");
		}
		this.speechFormat = new AudioFormat(rate, properties.getSpeech().getEncoding());
	}

	private static void positive(String property, @Nullable Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidTelcoflowPropertyException(property, (value != null) ? value.toString() : null,
					"The duration must be positive.", "Set " + property + " to a duration such as " + example + ".");
		}
	}

	/**
	 * Applies the properties and the beans found to a builder.
	 * @param builder the builder
	 * @param chatClientBuilder Spring AI's chat client builder, or {@code null}
	 * @param chatModel the chat model, or {@code null}
	 * @param transcriptionModel the transcription model, or {@code null}
	 * @param speechModel the speech model, or {@code null}
	 * @param listeners the listeners to add
	 * @param observationRegistry the observation registry, or {@code null}
	 * @return the builder
	 */
	public VoiceAgent.Builder configure(VoiceAgent.Builder builder, ChatClient.@Nullable Builder chatClientBuilder,
			@Nullable ChatModel chatModel, @Nullable TranscriptionModel transcriptionModel,
			@Nullable TextToSpeechModel speechModel, List<VoiceAgentListener> listeners,
			@Nullable ObservationRegistry observationRegistry) {
		VoiceAgentProperties properties = this.properties;
		if (chatClientBuilder != null) {
			builder.chatClient(chatClientBuilder.build());
		}
		else if (chatModel != null) {
			builder.chatModel(chatModel);
		}
		if (transcriptionModel != null) {
			builder.transcriptionModel(transcriptionModel);
		}
		if (speechModel != null) {
			builder.speechModel(speechModel);
		}
		builder.systemPrompt(properties.getSystemPrompt())
			.greeting(properties.getGreeting())
			.fallbackLine(properties.getFallbackLine())
			.endOfUtteranceSilence(properties.getEndOfUtteranceSilence())
			.maxUtterance(properties.getMaxUtterance())
			.callTools(properties.getCallTools().toArray(new CallTool[0]))
			.transferRingTime(properties.getTransferRingTime())
			.bargeIn(properties.getBargeIn().isEnabled())
			.bargeInMinDuration(properties.getBargeIn().getMinDuration())
			.transcriptionTimeout(properties.getTimeout().getTranscription())
			.chatTimeout(properties.getTimeout().getChat())
			.speechTimeout(properties.getTimeout().getSpeech())
			.speechFormat(this.speechFormat);
		listeners.forEach(builder::listener);
		if (observationRegistry != null) {
			builder.observationRegistry(observationRegistry);
		}
		return builder;
	}

}
