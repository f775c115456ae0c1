package io.telcoflow.benchmarks.agent;

import java.time.Duration;
import java.util.List;

import io.telcoflow.voiceagent.VoiceAgent;

import org.springframework.ai.audio.transcription.AudioTranscription;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.Speech;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * Models that answer at once with canned results, so that a voice agent's measured cost and
 * latency are the pipeline's own: the transcript {@value #TRANSCRIPT}, the reply
 * {@link #REPLY} streamed one sentence per chunk, and {@link #SPEECH_PER_SENTENCE} of a
 * 24 kHz tone for each text given to speech synthesis (streamed in one chunk). They share their
 * results between calls and allocate nothing per call but the responses.
 */
public final class InstantModels {

	/** What the caller "said", every time. */
	public static final String TRANSCRIPT = "I would like to book a table for tonight.";

	/** The agent's reply: two sentences, streamed one per chunk. */
	public static final List<String> REPLY = List.of("Certainly. ", "For how many people?");

	/** The speech synthesised for each sentence. */
	public static final Duration SPEECH_PER_SENTENCE = Duration.ofMillis(400);

	/** The bytes of one whole reply: 24 kHz s16le mono. */
	public static final int REPLY_BYTES = REPLY.size() * (int) (SPEECH_PER_SENTENCE.toMillis() * 48);

	/** The agent's end-of-utterance silence in the benchmark, its default (the caller's script is built around it). */
	public static final Duration END_OF_UTTERANCE_SILENCE = VoiceAgent.Builder.DEFAULT_END_OF_UTTERANCE_SILENCE;

	private static final byte[] SENTENCE_PCM = tone(REPLY_BYTES / REPLY.size());

	private static final List<ChatResponse> CHUNKS = REPLY.stream()
		.map((text) -> new ChatResponse(List.of(new Generation(new AssistantMessage(text)))))
		.toList();

	private InstantModels() {
	}

	private static byte[] tone(int bytes) {
		byte[] pcm = new byte[bytes];
		for (int i = 0; i < bytes / 2; i++) {
			short value = (short) Math.round(Math.sin(2 * Math.PI * 220 * i / 24000.0) * 6000);
			pcm[2 * i] = (byte) value;
			pcm[2 * i + 1] = (byte) (value >> 8);
		}
		return pcm;
	}

	/**
	 * A transcription model that returns {@link #TRANSCRIPT} at once.
	 * @return the model
	 */
	public static TranscriptionModel transcription() {
		AudioTranscriptionResponse response = new AudioTranscriptionResponse(new AudioTranscription(TRANSCRIPT));
		return new TranscriptionModel() {

			@Override
			public AudioTranscriptionResponse call(AudioTranscriptionPrompt prompt) {
				return response;
			}

		};
	}

	/**
	 * A chat model that streams {@link #REPLY} at once.
	 * @return the model
	 */
	public static ChatModel chat() {
		ChatResponse whole = new ChatResponse(List.of(new Generation(new AssistantMessage(String.join("", REPLY)))));
		return new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				return whole;
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				return Flux.fromIterable(CHUNKS);
			}

		};
	}

	/**
	 * A speech model that returns {@link #SPEECH_PER_SENTENCE} of tone for any text, at once.
	 * @return the model
	 */
	public static TextToSpeechModel speech() {
		TextToSpeechResponse response = new TextToSpeechResponse(List.of(new Speech(SENTENCE_PCM)));
		return new TextToSpeechModel() {

			@Override
			public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
				return response;
			}

			@Override
			public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
				return Flux.just(response);
			}

		};
	}

}
