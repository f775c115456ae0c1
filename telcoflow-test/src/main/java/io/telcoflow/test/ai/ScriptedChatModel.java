package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A streaming {@link ChatModel} that answers each turn with the next scripted {@link Reply}: its text
 * streamed word by word, optionally a tool call (executed by the {@code ChatClient}, like a real
 * model's) followed by more text once the tool's result is back, delays, a failure, or a stream that
 * never ends (to test cancellation and timeouts). Records every prompt, the tool results it was
 * given and the streams cancelled. Thread-safe.
 * <pre>{@code
 * ScriptedChatModel chat = new ScriptedChatModel()
 *     .then("Hello! How can I help?")
 *     .then(ScriptedChatModel.reply("Let me put you through.")
 *         .callingTool("transfer_to_person", "{}")
 *         .thenSay("Sorry, nobody is free. Can I help you instead?"));
 * }</pre>
 */
public final class ScriptedChatModel implements ChatModel {

	private final Deque<Reply> replies = new ArrayDeque<>();

	private final List<Prompt> prompts = new ArrayList<>();

	private final List<String> toolResults = new ArrayList<>();

	private final AtomicInteger cancellations = new AtomicInteger();

	private @Nullable Reply current;

	/**
	 * Creates a model with an empty script.
	 */
	public ScriptedChatModel() {
	}

	/**
	 * Creates a model that answers with the given texts, one per turn.
	 * @param texts the replies
	 * @return the model
	 */
	public static ScriptedChatModel of(String... texts) {
		ScriptedChatModel model = new ScriptedChatModel();
		for (String text : texts) {
			model.then(text);
		}
		return model;
	}

	/**
	 * Starts a scripted reply.
	 * @param text what the model says first (may be empty)
	 * @return the reply
	 */
	public static Reply reply(String text) {
		return new Reply(text);
	}

	/**
	 * Adds a reply of plain text.
	 * @param text the reply
	 * @return this model
	 */
	public ScriptedChatModel then(String text) {
		return then(reply(text));
	}

	/**
	 * Adds a reply.
	 * @param reply the reply
	 * @return this model
	 */
	public synchronized ScriptedChatModel then(Reply reply) {
		this.replies.add(Objects.requireNonNull(reply, "reply"));
		return this;
	}

	@Override
	public ChatOptions getOptions() {
		// Tool-calling options, so that the ChatClient hands this model the tools to call.
		return ToolCallingChatOptions.builder().build();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		List<ChatResponse> responses = stream(prompt).collectList().block();
		StringBuilder text = new StringBuilder();
		List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
		for (ChatResponse response : (responses != null) ? responses : List.<ChatResponse>of()) {
			AssistantMessage output = response.getResult().getOutput();
			if (output.getText() != null) {
				text.append(output.getText());
			}
			toolCalls.addAll(output.getToolCalls());
		}
		return new ChatResponse(
				List.of(new Generation(AssistantMessage.builder().content(text.toString()).toolCalls(toolCalls).build())));
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> {
			Reply reply;
			boolean afterTools;
			synchronized (this) {
				this.prompts.add(prompt);
				List<Message> messages = prompt.getInstructions();
				Message last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
				afterTools = last instanceof ToolResponseMessage;
				if (afterTools && last instanceof ToolResponseMessage response) {
					response.getResponses().forEach((result) -> this.toolResults.add(result.responseData()));
					reply = this.current;
				}
				else {
					reply = this.replies.poll();
					this.current = reply;
				}
			}
			if (reply == null) {
				return Flux.error(new IllegalStateException("ScriptedChatModel has no reply left for: "
						+ prompt.getInstructions().get(prompt.getInstructions().size() - 1).getText()));
			}
			return reply.stream(afterTools);
		}).doOnCancel(this.cancellations::incrementAndGet);
	}

	/**
	 * Returns the prompts received, one per model call (a reply with a tool call makes two).
	 * @return the prompts, oldest first
	 */
	public synchronized List<Prompt> prompts() {
		return List.copyOf(this.prompts);
	}

	/**
	 * Returns the results of the tools the model called, as the model received them.
	 * @return the results, oldest first
	 */
	public synchronized List<String> toolResults() {
		return List.copyOf(this.toolResults);
	}

	/**
	 * Returns how many streams were cancelled before they finished (a barge-in cancels the reply).
	 * @return the count
	 */
	public int cancellations() {
		return this.cancellations.get();
	}

	@Override
	public synchronized String toString() {
		return "ScriptedChatModel[" + this.replies.size() + " replies left, " + this.prompts.size() + " prompts]";
	}

	/**
	 * One scripted reply. Not thread-safe while being built.
	 */
	public static final class Reply {

		private final String text;

		private final List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();

		private String afterTools = "";

		private Duration firstTokenDelay = Duration.ZERO;

		private Duration tokenDelay = Duration.ZERO;

		private boolean hang;

		private @Nullable RuntimeException failure;

		private Reply(String text) {
			this.text = Objects.requireNonNull(text, "text");
		}

		/**
		 * After the text, the model calls a tool.
		 * @param name the tool's name
		 * @param argumentsJson its arguments, a JSON object
		 * @return this reply
		 */
		public Reply callingTool(String name, String argumentsJson) {
			this.toolCalls.add(new AssistantMessage.ToolCall("call_" + (this.toolCalls.size() + 1), "function",
					Objects.requireNonNull(name, "name"), Objects.requireNonNull(argumentsJson, "argumentsJson")));
			return this;
		}

		/**
		 * After the text, the model calls a tool with no arguments.
		 * @param name the tool's name
		 * @return this reply
		 */
		public Reply callingTool(String name) {
			return callingTool(name, "{}");
		}

		/**
		 * What the model says once the tools' results are back.
		 * @param text the text
		 * @return this reply
		 */
		public Reply thenSay(String text) {
			this.afterTools = Objects.requireNonNull(text, "text");
			return this;
		}

		/**
		 * The first word comes after a delay (a slow model, or a timeout).
		 * @param delay the delay
		 * @return this reply
		 */
		public Reply firstTokenAfter(Duration delay) {
			this.firstTokenDelay = Objects.requireNonNull(delay, "delay");
			return this;
		}

		/**
		 * Each word after the first comes after a delay.
		 * @param delay the delay
		 * @return this reply
		 */
		public Reply tokenDelay(Duration delay) {
			this.tokenDelay = Objects.requireNonNull(delay, "delay");
			return this;
		}

		/**
		 * After its text, the stream stays open and sends nothing more until cancelled.
		 * @return this reply
		 */
		public Reply thenHang() {
			this.hang = true;
			return this;
		}

		/**
		 * After its text, the stream fails.
		 * @param failure the error
		 * @return this reply
		 */
		public Reply thenFail(RuntimeException failure) {
			this.failure = Objects.requireNonNull(failure, "failure");
			return this;
		}

		Flux<ChatResponse> stream(boolean afterTools) {
			boolean lastRound = afterTools || this.toolCalls.isEmpty();
			Flux<ChatResponse> words = words(afterTools ? this.afterTools : this.text);
			if (!afterTools && !this.toolCalls.isEmpty()) {
				words = words.concatWith(Flux.just(new ChatResponse(List.of(new Generation(
						AssistantMessage.builder().content("").toolCalls(List.copyOf(this.toolCalls)).build())))));
			}
			if (!afterTools && !this.firstTokenDelay.isZero()) {
				words = words.delaySubscription(this.firstTokenDelay);
			}
			if (lastRound && this.failure != null) {
				words = words.concatWith(Flux.error(this.failure));
			}
			else if (lastRound && this.hang) {
				words = words.concatWith(Flux.never());
			}
			return words;
		}

		private Flux<ChatResponse> words(String text) {
			List<String> words = new ArrayList<>(List.of(text.split("(?<=\\s)")));
			words.removeIf(String::isEmpty);
			Flux<ChatResponse> flux = Flux.fromIterable(words)
				.map((word) -> new ChatResponse(List.of(new Generation(new AssistantMessage(word)))));
			if (!this.tokenDelay.isZero()) {
				flux = flux.take(1).concatWith(flux.skip(1).delayElements(this.tokenDelay));
			}
			return flux;
		}

		@Override
		public String toString() {
			return "Reply[" + this.text + (this.toolCalls.isEmpty() ? "" : ", tools " + this.toolCalls) + "]";
		}

	}

}
