package io.telcoflow.speech.offline.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receptionist's script behind Spring AI's {@link ChatModel} interface, for demos and tests that
 * must run without a language model: <b>not a language model</b>. It looks for key words in the
 * caller's last message, answers from a fixed script, and asks for tools by name the way a language
 * model would, so the same tools are called (Spring AI 2's {@code ChatClient} runs them; this
 * model, like every Spring AI 2 chat model, does not). System prompts and the rest of the
 * conversation are ignored, except to know that a message was asked for.
 * <table>
 * <caption>Intents, answers and tool calls</caption>
 * <tr><th>The caller says (key words)</th><th>The model answers</th><th>Tool call</th></tr>
 * <tr><td>hello, hi, good morning</td><td>a greeting and an offer to help</td><td></td></tr>
 * <tr><td>opening hours, open, close</td><td>the opening hours ({@link Builder#openingHours})</td><td></td></tr>
 * <tr><td>message, voicemail, call me back</td><td>asks for the message; the caller's next message
 * is the message</td><td>then {@value #TAKE_MESSAGE} {@code {"message": "<what the caller said>"}}</td></tr>
 * <tr><td>person, someone, operator, talk to</td><td>"I am putting you through"</td>
 * <td>{@value #TRANSFER_TO_PERSON} {@code {}}</td></tr>
 * <tr><td>goodbye, bye, that's all</td><td>thanks and goodbye</td><td>{@value #HANG_UP} {@code {}}</td></tr>
 * <tr><td>anything else</td><td>says what it can do</td><td></td></tr>
 * </table>
 * A tool is asked for only when the prompt offers it (a {@link ToolCallback} of that name in its
 * {@link ToolCallingChatOptions}); otherwise the answer says the model cannot do it. After a tool's
 * result: {@value #TRANSFER_TO_PERSON}'s result containing "unanswered", "no answer", "busy",
 * "failed" or "unavailable" gets an apology and the offer to take a message; {@value #TAKE_MESSAGE}'s
 * a confirmation; any other result no words.
 * <p>
 * {@link #stream(Prompt)} emits the answer one sentence per response, then the tool calls in a last
 * response. Thread-safe; it keeps no conversation of its own (the prompt holds it).
 */
public final class IntentChatModel implements ChatModel {

	/** The tool that transfers the caller to a person. */
	public static final String TRANSFER_TO_PERSON = "transfer_to_person";

	/** The tool that hangs up (after the goodbye has played). */
	public static final String HANG_UP = "hang_up";

	/** The tool that takes a message; argument {@code message}, the caller's words. */
	public static final String TAKE_MESSAGE = "take_message";

	/** The model's name. */
	public static final String MODEL = "telcoflow-intents";

	private static final String DEFAULT_OPENING_HOURS = "We are open Monday to Friday, from nine in the morning "
			+ "to five in the afternoon.";

	/** In the request for a message: how the next turn knows that the caller is leaving one. */
	private static final String ASK_FOR_MESSAGE = "Please say your message now";

	private static final Set<String> UNANSWERED = Set.of("unanswered", "no answer", "not answered", "busy", "failed",
			"unavailable", "error");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

	private static final JsonMapper JSON = JsonMapper.shared();

	private final String openingHours;

	private final AtomicLong toolCallIds = new AtomicLong();

	/**
	 * Creates the model with the default opening hours (Monday to Friday, nine to five).
	 */
	public IntentChatModel() {
		this(builder());
	}

	private IntentChatModel(Builder builder) {
		this.openingHours = builder.openingHours;
	}

	/**
	 * Returns a builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		Turn turn = answer(prompt);
		return response(AssistantMessage.builder().content(turn.text()).toolCalls(turn.toolCalls()).build(), turn);
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> {
			Turn turn = answer(prompt);
			List<ChatResponse> chunks = new ArrayList<>();
			for (String sentence : SENTENCE_END.split(turn.text())) {
				if (!sentence.isBlank()) {
					chunks.add(response(new AssistantMessage(sentence + " "), null));
				}
			}
			if (!turn.toolCalls().isEmpty() || chunks.isEmpty()) {
				chunks.add(response(AssistantMessage.builder().content("").toolCalls(turn.toolCalls()).build(), turn));
			}
			return Flux.fromIterable(chunks);
		});
	}

	/**
	 * Returns empty options that can carry tools, as {@code ChatClient} expects of a chat model.
	 * @return the options
	 */
	@Override
	public ChatOptions getOptions() {
		return DefaultToolCallingChatOptions.builder().model(MODEL).build();
	}

	private Turn answer(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		Message last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
		Set<String> tools = offeredTools(prompt.getOptions());
		if (last instanceof ToolResponseMessage results) {
			return afterTools(results.getResponses());
		}
		String said = (last != null && last.getMessageType() == MessageType.USER) ? Objects.toString(last.getText(), "")
				: "";
		if (askedForMessage(messages) && !said.isBlank() && tools.contains(TAKE_MESSAGE)) {
			return new Turn("", List.of(toolCall(TAKE_MESSAGE, Map.of("message", said.strip()))));
		}
		Intent intent = Intent.of(said);
		if (intent == null) {
			return new Turn("Sorry, I did not understand that. I can tell you our opening hours, take a message, "
					+ "or put you through to a person.", List.of());
		}
		return switch (intent) {
			case GREETING -> new Turn("Hello, thank you for calling. How can I help you?", List.of());
			case OPENING_HOURS -> new Turn(this.openingHours + " Is there anything else I can help you with?", List.of());
			case LEAVE_MESSAGE -> tools.contains(TAKE_MESSAGE)
					? new Turn("Of course. " + ASK_FOR_MESSAGE + ", and I will pass it on.", List.of())
					: new Turn("I am sorry, I cannot take messages right now.", List.of());
			case TALK_TO_PERSON -> tools.contains(TRANSFER_TO_PERSON)
					? new Turn("Of course. Please hold on, I am putting you through.",
							List.of(toolCall(TRANSFER_TO_PERSON, Map.of())))
					: new Turn("I am sorry, I cannot put you through to a person right now.", List.of());
			case GOODBYE -> new Turn("Thank you for calling. Goodbye!",
					tools.contains(HANG_UP) ? List.of(toolCall(HANG_UP, Map.of())) : List.of());
		};
	}

	private static Turn afterTools(List<ToolResponse> results) {
		List<String> words = new ArrayList<>();
		for (ToolResponse result : results) {
			String data = Objects.toString(result.responseData(), "").toLowerCase(Locale.ROOT);
			if (TRANSFER_TO_PERSON.equals(result.name()) && UNANSWERED.stream().anyMatch(data::contains)) {
				words.add("I am sorry, nobody is available to take your call right now. Would you like to leave a message?");
			}
			else if (TAKE_MESSAGE.equals(result.name())) {
				words.add("Thank you, I have taken your message and will pass it on. Is there anything else I can help you with?");
			}
		}
		return new Turn(String.join(" ", words), List.of());
	}

	private static boolean askedForMessage(List<Message> messages) {
		for (int i = messages.size() - 2; i >= 0; i--) {
			Message message = messages.get(i);
			if (message.getMessageType() == MessageType.ASSISTANT) {
				return Objects.toString(message.getText(), "").contains(ASK_FOR_MESSAGE);
			}
		}
		return false;
	}

	private static Set<String> offeredTools(@Nullable ChatOptions options) {
		if (!(options instanceof ToolCallingChatOptions toolOptions)) {
			return Set.of();
		}
		return toolOptions.getToolCallbacks()
			.stream()
			.map((callback) -> callback.getToolDefinition().name())
			.collect(Collectors.toUnmodifiableSet());
	}

	private ToolCall toolCall(String name, Map<String, String> arguments) {
		return new ToolCall("call_" + this.toolCallIds.incrementAndGet(), "function", name,
				JSON.writeValueAsString(arguments));
	}

	private static ChatResponse response(AssistantMessage message, @Nullable Turn turn) {
		String finish = (turn == null) ? null : (turn.toolCalls().isEmpty() ? "STOP" : "TOOL_CALLS");
		ChatGenerationMetadata metadata = (finish != null) ? ChatGenerationMetadata.builder().finishReason(finish).build()
				: ChatGenerationMetadata.NULL;
		return new ChatResponse(List.of(new Generation(message, metadata)));
	}

	@Override
	public String toString() {
		return "IntentChatModel[a receptionist's script, not a language model]";
	}

	/**
	 * One answer: the words and the tools asked for.
	 */
	private record Turn(String text, List<ToolCall> toolCalls) {
	}

	/**
	 * Builds an {@link IntentChatModel}.
	 */
	public static final class Builder {

		private String openingHours = DEFAULT_OPENING_HOURS;

		private Builder() {
		}

		/**
		 * Sets the sentence that tells the opening hours.
		 * @param openingHours for example "We are open every day from eight to eight."
		 * @return this builder
		 */
		public Builder openingHours(String openingHours) {
			if (openingHours.isBlank()) {
				throw new IllegalArgumentException("The opening hours must not be blank");
			}
			this.openingHours = openingHours.strip();
			return this;
		}

		/**
		 * Builds the model.
		 * @return the model
		 */
		public IntentChatModel build() {
			return new IntentChatModel(this);
		}

	}

}
