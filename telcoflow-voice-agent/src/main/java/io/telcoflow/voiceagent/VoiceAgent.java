package io.telcoflow.voiceagent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.vad.EnergyVoiceActivityDetector;
import io.telcoflow.audio.vad.VoiceActivityDetector;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.voiceagent.internal.AgentSettings;
import io.telcoflow.voiceagent.internal.DefaultConversation;
import io.telcoflow.voiceagent.internal.FallbackAudio;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.transcription.AudioTranscriptionOptions;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;

/**
 * A voice agent: turns a call into a conversation with Spring AI models. The caller's audio goes
 * through voice activity detection; each utterance, once the caller has been silent for the
 * end-of-utterance silence, goes as a WAV file to the {@link TranscriptionModel}; the transcript
 * goes with the conversation so far to the {@link ChatClient}, whose streamed reply is split into
 * sentences as it arrives, each synthesized by the {@link TextToSpeechModel} (streaming), converted
 * to the call's format and sent to the caller.
 * <p>
 * When the caller speaks over the agent for at least the barge-in minimum, the outgoing audio is
 * cleared at once, the chat stream and the synthesis still running are cancelled, and the
 * conversation's memory keeps only the part of the reply the caller heard (from the bytes the server
 * pulled, {@link ActiveCall#getPlayedAudioBytes()}). A model that fails or times out makes the agent
 * say its fallback line; the call goes on.
 * <p>
 * Built once (it is immutable and thread-safe) and run on each call:
 * <pre>{@code
 * VoiceAgent agent = VoiceAgent.builder()
 *     .chatClient(chatClient)
 *     .transcriptionModel(transcriptionModel)
 *     .speechModel(speechModel)
 *     .systemPrompt("You are the front desk of the Grand Hotel. Answer in one or two short sentences.")
 *     .greeting("Grand Hotel, how can I help?")
 *     .tools(new BookingTools())
 *     .callTools(CallTool.TRANSFER, CallTool.HANG_UP)
 *     .build();
 *
 * @OnIncomingCall
 * void onCall(ActiveCall call) {
 *     agent.run(call);
 * }
 * }</pre>
 */
public final class VoiceAgent {

	/**
	 * Key of the call ({@link ActiveCall}) in the {@code ToolContext} that the application's tools
	 * receive.
	 */
	public static final String CALL_CONTEXT_KEY = "telcoflow.call";

	/**
	 * Key of the caller's utterance that the current reply answers, as a
	 * {@link io.telcoflow.audio.wav.WavAudio} (PCM at the call's rate), in the {@code ToolContext}
	 * that the application's tools receive: for tools that keep the caller's voice, such as a
	 * voicemail.
	 */
	public static final String UTTERANCE_CONTEXT_KEY = "telcoflow.utterance";

	private final AgentSettings settings;

	private VoiceAgent(AgentSettings settings) {
		this.settings = settings;
	}

	/**
	 * Starts a builder with the default settings.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the conversation on a call and returns at once. A call still ringing (pending) is
	 * answered first. The agent says its greeting, then listens.
	 * @param call the call
	 * @return the conversation
	 */
	public Conversation start(ActiveCall call) {
		Objects.requireNonNull(call, "call");
		return DefaultConversation.start(this.settings, call);
	}

	/**
	 * Runs the conversation on a call until it ends: the caller or the agent hung up, the agent
	 * transferred the call, or the call ended otherwise. What an {@code @OnIncomingCall} handler
	 * calls.
	 * @param call the call
	 * @return the ended conversation (its transcript)
	 */
	public Conversation run(ActiveCall call) {
		Conversation conversation = start(call);
		conversation.endFuture().join();
		return conversation;
	}

	@Override
	public String toString() {
		return "VoiceAgent[" + this.settings + "]";
	}

	/**
	 * Builds a {@link VoiceAgent}. The chat client (or chat model), the transcription model and the
	 * speech model are required; everything else has a default. Not thread-safe.
	 */
	public static final class Builder {

		/** Default of {@link #bargeInMinDuration(Duration)}. */
		public static final Duration DEFAULT_BARGE_IN_MIN_DURATION = Duration.ofMillis(300);

		/** Default of {@link #endOfUtteranceSilence(Duration)}. */
		public static final Duration DEFAULT_END_OF_UTTERANCE_SILENCE = Duration.ofMillis(600);

		/** Default of {@link #transcriptionTimeout(Duration)}, {@link #chatTimeout(Duration)} and {@link #speechTimeout(Duration)}. */
		public static final Duration DEFAULT_MODEL_TIMEOUT = Duration.ofSeconds(10);

		/** Default of {@link #maxUtterance(Duration)}. */
		public static final Duration DEFAULT_MAX_UTTERANCE = Duration.ofSeconds(30);

		/** Default of {@link #transferRingTime(Duration)}. */
		public static final Duration DEFAULT_TRANSFER_RING_TIME = Duration.ofSeconds(30);

		/** Default of {@link #fallbackLine(String)}. */
		public static final String DEFAULT_FALLBACK_LINE = "Sorry, I had a problem on my side. Could you say that again?";

		/** Default size of the conversation memory: the last 40 messages. */
		public static final int DEFAULT_MAX_MESSAGES = 40;

		private static final List<String> COMPRESSED_FORMATS = List.of("mp3", "opus", "aac", "flac", "wav", "ogg", "webm");

		private @Nullable ChatClient chatClient;

		private @Nullable TranscriptionModel transcriptionModel;

		private @Nullable AudioTranscriptionOptions transcriptionOptions;

		private @Nullable TextToSpeechModel speechModel;

		private @Nullable TextToSpeechOptions speechOptions;

		private AudioFormat speechFormat = AudioFormat.PCM_24K;

		private @Nullable String systemPrompt;

		private @Nullable String greeting;

		private String fallbackLine = DEFAULT_FALLBACK_LINE;

		private final List<Object> tools = new ArrayList<>();

		private final List<ToolCallback> toolCallbacks = new ArrayList<>();

		private EnumSet<CallTool> callTools = EnumSet.of(CallTool.HANG_UP, CallTool.READ_DTMF);

		private Duration transferRingTime = DEFAULT_TRANSFER_RING_TIME;

		private @Nullable ChatMemory chatMemory;

		private boolean bargeIn = true;

		private Duration bargeInMinDuration = DEFAULT_BARGE_IN_MIN_DURATION;

		private Duration endOfUtteranceSilence = DEFAULT_END_OF_UTTERANCE_SILENCE;

		private Duration maxUtterance = DEFAULT_MAX_UTTERANCE;

		private @Nullable IntFunction<VoiceActivityDetector> voiceActivityDetector;

		private Duration transcriptionTimeout = DEFAULT_MODEL_TIMEOUT;

		private Duration chatTimeout = DEFAULT_MODEL_TIMEOUT;

		private Duration speechTimeout = DEFAULT_MODEL_TIMEOUT;

		private final List<VoiceAgentListener> listeners = new ArrayList<>();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Builder() {
		}

		/**
		 * Sets the chat client that writes the replies: its defaults (system prompt, advisors, tools,
		 * options) apply to every turn.
		 * @param chatClient the client
		 * @return this builder
		 */
		public Builder chatClient(ChatClient chatClient) {
			this.chatClient = Objects.requireNonNull(chatClient, "chatClient");
			return this;
		}

		/**
		 * Sets the chat model that writes the replies, through a {@link ChatClient} created on it.
		 * @param chatModel the model
		 * @return this builder
		 */
		public Builder chatModel(ChatModel chatModel) {
			return chatClient(ChatClient.create(Objects.requireNonNull(chatModel, "chatModel")));
		}

		/**
		 * Sets the model that transcribes the caller's utterances. Each utterance is given as a WAV
		 * file (PCM s16le at the call's sample rate, named {@code utterance.wav}).
		 * @param transcriptionModel the model
		 * @return this builder
		 */
		public Builder transcriptionModel(TranscriptionModel transcriptionModel) {
			this.transcriptionModel = Objects.requireNonNull(transcriptionModel, "transcriptionModel");
			return this;
		}

		/**
		 * Sets the options of each transcription (language, model...).
		 * @param options the options, or {@code null} for the model's defaults
		 * @return this builder
		 */
		public Builder transcriptionOptions(@Nullable AudioTranscriptionOptions options) {
			this.transcriptionOptions = options;
			return this;
		}

		/**
		 * Sets the model that speaks the replies; its streaming ({@code stream}) is used, so a model
		 * that streams lets the caller hear a sentence before it is all synthesized.
		 * @param speechModel the model
		 * @return this builder
		 */
		public Builder speechModel(TextToSpeechModel speechModel) {
			this.speechModel = Objects.requireNonNull(speechModel, "speechModel");
			return this;
		}

		/**
		 * Sets the options of each synthesis (voice, speed, format...). The format they ask for
		 * must be raw PCM as described by {@link #speechFormat(AudioFormat)}.
		 * @param options the options, or {@code null} for the model's defaults
		 * @return this builder
		 */
		public Builder speechOptions(@Nullable TextToSpeechOptions options) {
			this.speechOptions = options;
			return this;
		}

		/**
		 * Sets the format of the audio the speech model returns; it is converted to the call's
		 * format. The default, PCM s16le at 24 kHz, is OpenAI's {@code pcm} format (and ElevenLabs'
		 * {@code pcm_24000}).
		 * @param format raw audio: PCM s16le, μ-law or A-law, mono
		 * @return this builder
		 */
		public Builder speechFormat(AudioFormat format) {
			this.speechFormat = Objects.requireNonNull(format, "format");
			return this;
		}

		/**
		 * Sets the system prompt: who the agent is and how it talks. Keep replies short and free of
		 * markup: they are spoken.
		 * @param systemPrompt the prompt, or {@code null} for the chat client's default
		 * @return this builder
		 */
		public Builder systemPrompt(@Nullable String systemPrompt) {
			this.systemPrompt = systemPrompt;
			return this;
		}

		/**
		 * Sets what the agent says when it takes the call.
		 * @param greeting the greeting, or {@code null} for none (the agent waits for the caller)
		 * @return this builder
		 */
		public Builder greeting(@Nullable String greeting) {
			this.greeting = (greeting != null && !greeting.isBlank()) ? greeting : null;
			return this;
		}

		/**
		 * Sets what the agent says when a model fails or times out. It is synthesized once when the
		 * first conversation starts, so the caller hears it even when the speech model fails later.
		 * @param fallbackLine the line
		 * @return this builder
		 */
		public Builder fallbackLine(String fallbackLine) {
			this.fallbackLine = requireText(fallbackLine, "fallbackLine");
			return this;
		}

		/**
		 * Adds the application's tools: objects with {@code @Tool} methods.
		 * @param tools the tool objects
		 * @return this builder
		 */
		public Builder tools(Object... tools) {
			for (Object tool : tools) {
				this.tools.add(Objects.requireNonNull(tool, "tool"));
			}
			return this;
		}

		/**
		 * Adds the application's tools as callbacks.
		 * @param toolCallbacks the callbacks
		 * @return this builder
		 */
		public Builder toolCallbacks(ToolCallback... toolCallbacks) {
			return toolCallbacks(Arrays.asList(toolCallbacks));
		}

		/**
		 * Adds the application's tools as callbacks.
		 * @param toolCallbacks the callbacks
		 * @return this builder
		 */
		public Builder toolCallbacks(List<ToolCallback> toolCallbacks) {
			for (ToolCallback callback : toolCallbacks) {
				this.toolCallbacks.add(Objects.requireNonNull(callback, "toolCallback"));
			}
			return this;
		}

		/**
		 * Chooses the call's own tools offered to the model (default: {@link CallTool#HANG_UP} and
		 * {@link CallTool#READ_DTMF}; {@link CallTool#TRANSFER} only when chosen, as it rings a
		 * person).
		 * @param callTools the tools; none for none
		 * @return this builder
		 */
		public Builder callTools(CallTool... callTools) {
			EnumSet<CallTool> set = EnumSet.noneOf(CallTool.class);
			for (CallTool tool : callTools) {
				set.add(Objects.requireNonNull(tool, "callTool"));
			}
			this.callTools = set;
			return this;
		}

		/**
		 * Sets how long {@link CallTool#TRANSFER} rings before the model hears
		 * {@code CALL_UNANSWERED}.
		 * @param ringTime the ring time, positive
		 * @return this builder
		 */
		public Builder transferRingTime(Duration ringTime) {
			this.transferRingTime = positive(ringTime, "transferRingTime");
			return this;
		}

		/**
		 * Sets the memory that keeps each conversation (the call's id is the conversation id).
		 * Without one, each agent keeps the last {@value #DEFAULT_MAX_MESSAGES} messages of each
		 * call in memory and forgets them when the call ends; a memory given here is left as it is.
		 * @param chatMemory the memory
		 * @return this builder
		 */
		public Builder chatMemory(ChatMemory chatMemory) {
			this.chatMemory = Objects.requireNonNull(chatMemory, "chatMemory");
			return this;
		}

		/**
		 * Sets whether the caller can interrupt the agent by speaking (barge-in). Default: yes.
		 * @param bargeIn whether to stop talking when the caller speaks
		 * @return this builder
		 */
		public Builder bargeIn(boolean bargeIn) {
			this.bargeIn = bargeIn;
			return this;
		}

		/**
		 * Sets how long the caller must speak over the agent before the agent stops (so that a
		 * cough or a "mhm" does not count). Default 300 ms.
		 * @param minDuration the minimum, positive
		 * @return this builder
		 */
		public Builder bargeInMinDuration(Duration minDuration) {
			this.bargeInMinDuration = positive(minDuration, "bargeInMinDuration");
			return this;
		}

		/**
		 * Sets how long the caller must be silent before the utterance counts as finished. Longer
		 * waits cut fewer callers off (reading out numbers, thinking) and answer later. Default
		 * 600 ms.
		 * @param silence the silence, positive
		 * @return this builder
		 */
		public Builder endOfUtteranceSilence(Duration silence) {
			this.endOfUtteranceSilence = positive(silence, "endOfUtteranceSilence");
			return this;
		}

		/**
		 * Sets the longest utterance: a caller who speaks longer is answered at that point.
		 * Default 30 s.
		 * @param maxUtterance the maximum, positive
		 * @return this builder
		 */
		public Builder maxUtterance(Duration maxUtterance) {
			this.maxUtterance = positive(maxUtterance, "maxUtterance");
			return this;
		}

		/**
		 * Sets the voice activity detector, created for each call with the call's sample rate. The
		 * default is an {@link EnergyVoiceActivityDetector} whose minimum silence is the
		 * end-of-utterance silence.
		 * @param factory creates a detector for a sample rate
		 * @return this builder
		 */
		public Builder voiceActivityDetector(IntFunction<VoiceActivityDetector> factory) {
			this.voiceActivityDetector = Objects.requireNonNull(factory, "factory");
			return this;
		}

		/**
		 * Sets how long a transcription may take.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder transcriptionTimeout(Duration timeout) {
			this.transcriptionTimeout = positive(timeout, "transcriptionTimeout");
			return this;
		}

		/**
		 * Sets how long the chat model may go without sending text, the first text included; time
		 * spent in tools does not count.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder chatTimeout(Duration timeout) {
			this.chatTimeout = positive(timeout, "chatTimeout");
			return this;
		}

		/**
		 * Sets how long the speech model may go without sending audio for a sentence, the first
		 * audio included.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder speechTimeout(Duration timeout) {
			this.speechTimeout = positive(timeout, "speechTimeout");
			return this;
		}

		/**
		 * Adds a listener for transcripts, barge-ins, turns and failures.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(VoiceAgentListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Sets the registry of the observation made for each turn ({@code telcoflow.voice-agent.turn}).
		 * @param registry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry registry) {
			this.observationRegistry = Objects.requireNonNull(registry, "registry");
			return this;
		}

		/**
		 * Builds the agent.
		 * @return the agent
		 * @throws IllegalStateException when the chat client, transcription model or speech model is
		 * missing
		 */
		public VoiceAgent build() {
			ChatClient chatClient = require(this.chatClient, "a chat client (chatClient or chatModel)");
			TranscriptionModel transcriptionModel = require(this.transcriptionModel, "a transcription model");
			TextToSpeechModel speechModel = require(this.speechModel, "a speech model");
			checkRawAudio(speechModel, this.speechOptions);
			ChatMemory memory = this.chatMemory;
			boolean ownMemory = memory == null;
			if (memory == null) {
				memory = MessageWindowChatMemory.builder().maxMessages(DEFAULT_MAX_MESSAGES).build();
			}
			Duration silence = this.endOfUtteranceSilence;
			IntFunction<VoiceActivityDetector> vad = (this.voiceActivityDetector != null) ? this.voiceActivityDetector
					: (rate) -> EnergyVoiceActivityDetector.builder(rate).minSilence(silence).build();
			// The @Tool objects' callbacks (reflection and JSON schemas) once, not on each call.
			List<ToolCallback> callbacks = new ArrayList<>(this.toolCallbacks);
			if (!this.tools.isEmpty()) {
				callbacks.addAll(List.of(ToolCallbacks.from(this.tools.toArray())));
			}
			return new VoiceAgent(new AgentSettings(chatClient, transcriptionModel, this.transcriptionOptions,
					speechModel, this.speechOptions, this.speechFormat, this.systemPrompt, this.greeting,
					this.fallbackLine, List.copyOf(this.tools), List.copyOf(callbacks),
					Collections.unmodifiableSet(EnumSet.copyOf(this.callTools)), this.transferRingTime, memory, ownMemory, this.bargeIn,
					this.bargeInMinDuration, this.endOfUtteranceSilence, this.maxUtterance, vad,
					this.transcriptionTimeout, this.chatTimeout, this.speechTimeout, List.copyOf(this.listeners),
					this.observationRegistry, new FallbackAudio()));
		}

		/**
		 * Refuses a speech model set up for compressed audio or files: their bytes would be sent to
		 * the caller as noise.
		 */
		private static void checkRawAudio(TextToSpeechModel model, @Nullable TextToSpeechOptions options) {
			String format = (options != null) ? options.getFormat() : null;
			if (format == null) {
				try {
					format = model.getOptions().getFormat();
				}
				catch (RuntimeException ex) {
					// A model without options: nothing to check.
				}
			}
			if (format != null) {
				String lower = format.toLowerCase(java.util.Locale.ROOT);
				for (String compressed : COMPRESSED_FORMATS) {
					if (lower.startsWith(compressed)) {
						throw new IllegalStateException("The speech model returns " + format
								+ " audio; a voice agent needs raw audio (PCM, or G.711 μ-law/A-law) described by "
								+ "speechFormat(...): for OpenAI set response format PCM "
								+ "(spring.ai.openai.audio.speech.response-format=pcm), for ElevenLabs pcm_24000");
					}
				}
			}
		}

		private static <T> T require(@Nullable T value, String what) {
			if (value == null) {
				throw new IllegalStateException("A voice agent needs " + what + "; set it on VoiceAgent.builder()");
			}
			return value;
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + duration);
			}
			return duration;
		}

		private static String requireText(String text, String name) {
			Objects.requireNonNull(text, name);
			if (text.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return text;
		}

	}

}
