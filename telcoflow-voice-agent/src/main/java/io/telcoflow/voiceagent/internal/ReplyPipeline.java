package io.telcoflow.voiceagent.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.voiceagent.ModelStage;
import io.telcoflow.voiceagent.VoiceAgent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.core.io.ByteArrayResource;

/**
 * Assembles a reply's models into one stream of {@link SpeechPiece}s: transcription (with its
 * timeout), the chat stream with the conversation so far and the tools (with a timeout that does not
 * count time in tools), sentences, and each sentence's streamed synthesis (with its timeout). A
 * model's failure comes out as a {@link StageFailure} naming the model. Records the reply's timings
 * as it goes. One per conversation.
 */
final class ReplyPipeline {

	private final AgentSettings settings;

	private final ActiveCall call;

	private final String callId;

	private final AudioFormat format;

	private final List<ToolCallback> toolCallbacks;

	private final Listener listener;

	private final AtomicInteger toolsRunning = new AtomicInteger();

	private volatile long lastToolEndNanos;

	ReplyPipeline(AgentSettings settings, ActiveCall call, List<ToolCallback> toolCallbacks, Listener listener) {
		this.settings = settings;
		this.call = call;
		this.callId = call.getCallId();
		this.format = call.getAudioFormat();
		this.toolCallbacks = toolCallbacks.stream()
			.map((callback) -> (ToolCallback) new TrackedToolCallback(callback, this.toolsRunning::incrementAndGet,
					this::toolFinished))
			.toList();
		this.listener = listener;
	}

	/**
	 * A turn's reply: the utterance transcribed, the chat's streamed answer cut into sentences, each
	 * synthesized.
	 * @param reply the turn
	 * @return the pieces to send
	 */
	Flux<SpeechPiece> turn(Reply reply) {
		return Mono.fromCallable(() -> transcribe(reply))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.settings.transcriptionTimeout())
			.onErrorMap((ex) -> !(ex instanceof StageFailure), (ex) -> new StageFailure(ModelStage.TRANSCRIPTION, ex))
			.flatMapMany((text) -> {
				if (text.isBlank()) {
					return Flux.empty();
				}
				this.listener.transcribed(reply, text, this.format.duration(reply.utterance.length));
				return sentences(chat(reply, text)).concatMap((sentence) -> speak(reply, sentence));
			});
	}

	private String transcribe(Reply reply) {
		reply.transcriptionStartNanos = System.nanoTime();
		byte[] wav = WavWriter.toBytes(new WavAudio(this.format, reply.utterance));
		ByteArrayResource resource = new ByteArrayResource(wav, "caller utterance") {
			@Override
			public String getFilename() {
				return "utterance.wav";
			}
		};
		AudioTranscriptionResponse response = this.settings.transcriptionModel()
			.call(new AudioTranscriptionPrompt(resource, this.settings.transcriptionOptions()));
		reply.transcriptionEndNanos = System.nanoTime();
		String text = (response != null && response.getResult() != null) ? response.getResult().getOutput() : null;
		return (text != null) ? text.strip() : "";
	}

	private Flux<String> chat(Reply reply, String text) {
		return Flux.defer(() -> {
			ChatClient.ChatClientRequestSpec spec = this.settings.chatClient().prompt();
			String system = this.settings.systemPrompt();
			if (system != null) {
				spec = spec.system(system);
			}
			List<Message> history = this.settings.chatMemory().get(this.callId);
			if (!history.isEmpty()) {
				spec = spec.messages(history);
			}
			spec = spec.user(text)
				.toolContext(Map.of(VoiceAgent.CALL_CONTEXT_KEY, this.call, VoiceAgent.UTTERANCE_CONTEXT_KEY,
						new WavAudio(this.format, reply.utterance)));
			if (!this.toolCallbacks.isEmpty()) {
				spec = spec.toolCallbacks(this.toolCallbacks);
			}
			reply.chatStartNanos = System.nanoTime();
			return spec.stream().chatResponse().map(ReplyPipeline::text);
		})
			.filter((token) -> !token.isEmpty())
			.onBackpressureBuffer()
			.timeout(chatIdle(), (token) -> chatIdle())
			.doOnNext((token) -> {
				if (reply.firstTokenNanos == 0) {
					reply.firstTokenNanos = System.nanoTime();
					if (reply.observation != null) {
						reply.observation.event(Observation.Event.of("telcoflow.voice-agent.first-token"));
					}
				}
			})
			.onErrorMap((ex) -> !(ex instanceof StageFailure), (ex) -> new StageFailure(ModelStage.CHAT, ex));
	}

	/**
	 * The text of a streamed response; a response that calls tools ends a sentence, so that the text
	 * written before the call and the text written after its result are not run together.
	 */
	private static String text(ChatResponse response) {
		if (response.getResult() == null || response.getResult().getOutput() == null) {
			return "";
		}
		AssistantMessage output = response.getResult().getOutput();
		String text = (output.getText() != null) ? output.getText() : "";
		return output.hasToolCalls() ? text + "\n" : text;
	}

	/** Fires when the chat model has sent nothing for the chat timeout, not counting time in tools. */
	private Mono<Long> chatIdle() {
		Duration timeout = this.settings.chatTimeout();
		return Mono.delay(timeout)
			.filter((tick) -> this.toolsRunning.get() == 0
					&& System.nanoTime() - this.lastToolEndNanos >= timeout.toNanos())
			.repeatWhenEmpty((repeats) -> repeats);
	}

	private void toolFinished() {
		this.lastToolEndNanos = System.nanoTime();
		this.toolsRunning.decrementAndGet();
	}

	private static Flux<String> sentences(Flux<String> tokens) {
		return Flux.defer(() -> {
			SentenceSplitter splitter = new SentenceSplitter();
			return tokens.concatMapIterable(splitter::add).concatWith(Mono.fromSupplier(splitter::flush));
		});
	}

	/**
	 * One sentence synthesized: a begin, its audio, an end.
	 * @param reply the reply it belongs to
	 * @param sentence the sentence
	 * @return the pieces to send
	 */
	Flux<SpeechPiece> speak(Reply reply, String sentence) {
		TextToSpeechPrompt prompt = (this.settings.speechOptions() != null)
				? new TextToSpeechPrompt(sentence, this.settings.speechOptions()) : new TextToSpeechPrompt(sentence);
		Flux<SpeechPiece> audio = Flux.defer(() -> {
			if (reply.speechStartNanos == 0) {
				reply.speechStartNanos = System.nanoTime();
			}
			return this.settings.speechModel().stream(prompt);
		})
			.timeout(this.settings.speechTimeout())
			.map(FallbackAudio::bytes)
			.filter((bytes) -> bytes.length > 0)
			.doOnNext((bytes) -> {
				if (reply.firstSpeechNanos == 0) {
					reply.firstSpeechNanos = System.nanoTime();
					if (reply.observation != null) {
						reply.observation.event(Observation.Event.of("telcoflow.voice-agent.first-speech"));
					}
				}
			})
			.map(SpeechPiece::audio)
			.onErrorMap((ex) -> !(ex instanceof StageFailure), (ex) -> new StageFailure(ModelStage.SPEECH, ex));
		return Flux.concat(Mono.just(SpeechPiece.begin(sentence)), audio, Mono.just(SpeechPiece.end()));
	}

	/** Told of what the caller said. */
	interface Listener {

		/**
		 * The caller's utterance was transcribed (and was not blank).
		 * @param reply the turn
		 * @param text the transcript
		 * @param speech how long the utterance lasted
		 */
		void transcribed(Reply reply, String text, Duration speech);

	}

	/** A model's failure, with the model. */
	static final class StageFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final ModelStage stage;

		StageFailure(ModelStage stage, Throwable cause) {
			super(stage + " failed", cause);
			this.stage = stage;
		}

	}

}
