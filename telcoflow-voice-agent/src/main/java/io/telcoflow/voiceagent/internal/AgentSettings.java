package io.telcoflow.voiceagent.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.vad.VoiceActivityDetector;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.VoiceAgentListener;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.transcription.AudioTranscriptionOptions;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.tool.ToolCallback;

/**
 * What a {@code VoiceAgent} was built with, checked by its builder.
 *
 * @param chatClient writes the replies
 * @param transcriptionModel transcribes utterances
 * @param transcriptionOptions options of each transcription
 * @param speechModel speaks
 * @param speechOptions options of each synthesis
 * @param speechFormat what the speech model returns
 * @param systemPrompt the system prompt
 * @param greeting said first
 * @param fallbackLine said when a model fails
 * @param tools the application's {@code @Tool} objects
 * @param toolCallbacks the application's tools as callbacks: those given as callbacks and those of the
 * {@code @Tool} objects
 * @param callTools the call's own tools offered
 * @param transferRingTime ring time of a transfer
 * @param chatMemory the conversations' memory
 * @param ownMemory whether the memory is the agent's own (forgotten at the end of each call)
 * @param bargeIn whether the caller can interrupt
 * @param bargeInMinDuration how long the caller must speak to interrupt
 * @param endOfUtteranceSilence silence that ends an utterance
 * @param maxUtterance longest utterance
 * @param voiceActivityDetector creates a detector for a sample rate
 * @param transcriptionTimeout longest transcription
 * @param chatTimeout longest wait for the chat model's next text
 * @param speechTimeout longest wait for the speech model's next audio
 * @param listeners receive events
 * @param observationRegistry for the turn observations
 * @param fallbackAudio the fallback line's audio, once synthesized
 */
public record AgentSettings(ChatClient chatClient, TranscriptionModel transcriptionModel,
		@Nullable AudioTranscriptionOptions transcriptionOptions, TextToSpeechModel speechModel,
		@Nullable TextToSpeechOptions speechOptions, AudioFormat speechFormat, @Nullable String systemPrompt,
		@Nullable String greeting, String fallbackLine, List<Object> tools, List<ToolCallback> toolCallbacks,
		Set<CallTool> callTools, Duration transferRingTime, ChatMemory chatMemory, boolean ownMemory,
		boolean bargeIn, Duration bargeInMinDuration, Duration endOfUtteranceSilence, Duration maxUtterance,
		IntFunction<VoiceActivityDetector> voiceActivityDetector, Duration transcriptionTimeout,
		Duration chatTimeout, Duration speechTimeout, List<VoiceAgentListener> listeners,
		ObservationRegistry observationRegistry, FallbackAudio fallbackAudio) {

	@Override
	public String toString() {
		return "greeting=" + (this.greeting != null) + ", callTools=" + this.callTools + ", tools="
				+ this.toolCallbacks.size() + ", bargeIn=" + this.bargeIn + " (min "
				+ this.bargeInMinDuration + "), endOfUtteranceSilence=" + this.endOfUtteranceSilence
				+ ", speechFormat=" + this.speechFormat;
	}

}
