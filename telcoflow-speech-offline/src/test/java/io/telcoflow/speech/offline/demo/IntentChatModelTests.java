package io.telcoflow.speech.offline.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static org.assertj.core.api.Assertions.assertThat;

class IntentChatModelTests {

	private final IntentChatModel model = IntentChatModel.builder()
		.openingHours("We are open every day from eight to eight.")
		.build();

	private final List<String> called = new CopyOnWriteArrayList<>();

	private String transferResult = "CALL_UNANSWERED";

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Hello.                                  | Hello, thank you for calling. How can I help you?
			good morning                            | Hello, thank you for calling. How can I help you?
			What are your opening hours?            | We are open every day from eight to eight. Is there anything else I can help you with?
			Hello, when are you open?               | We are open every day from eight to eight. Is there anything else I can help you with?
			I would like to leave a message.        | Of course. Please say your message now, and I will pass it on.
			Can I talk to a person?                 | Of course. Please hold on, I am putting you through.
			Thank you. Goodbye.                     | Thank you for calling. Goodbye!
			What is the weather like?               | Sorry, I did not understand that. I can tell you our opening hours, take a message, or put you through to a person.
			""")
	void answersEachIntentFromTheScript(String said, String answer) {
		assertThat(this.model.call(prompt(List.of(new UserMessage(said)))).getResult().getOutput().getText())
			.isEqualTo(answer);
	}

	@Test
	void asksForTheToolsALanguageModelWouldCall() {
		assertThat(toolCalls(this.model.call(prompt(List.of(new UserMessage("Can I talk to a person?"))))))
			.extracting(ToolCall::name, ToolCall::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(IntentChatModel.TRANSFER_TO_PERSON, "{}"));
		ChatResponse goodbye = this.model.call(prompt(List.of(new UserMessage("Goodbye."))));
		assertThat(toolCalls(goodbye)).extracting(ToolCall::name).containsExactly(IntentChatModel.HANG_UP);
		assertThat(goodbye.getResult().getOutput().getText()).isEqualTo("Thank you for calling. Goodbye!");
		assertThat(goodbye.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(goodbye.hasToolCalls()).isTrue();
	}

	@Test
	void takesTheMessageTheCallerSaysAfterBeingAskedForIt() {
		List<Message> conversation = new ArrayList<>(List.of(new UserMessage("I'd like to leave a message.")));
		conversation.add(this.model.call(prompt(conversation)).getResult().getOutput());
		conversation.add(new UserMessage("Please call me back tomorrow."));
		ChatResponse response = this.model.call(prompt(conversation));
		assertThat(toolCalls(response)).extracting(ToolCall::name, ToolCall::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(IntentChatModel.TAKE_MESSAGE,
					"{\"message\":\"Please call me back tomorrow.\"}"));
	}

	@Test
	void offersAMessageWhenTheTransferWasNotAnswered() {
		ToolCall transfer = new ToolCall("call_1", "function", IntentChatModel.TRANSFER_TO_PERSON, "{}");
		ChatResponse response = this.model.call(prompt(List.of(new UserMessage("Can I talk to a person?"),
				AssistantMessage.builder().content("Of course.").toolCalls(List.of(transfer)).build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponse("call_1", IntentChatModel.TRANSFER_TO_PERSON, "\"CALL_UNANSWERED\"")))
					.build())));
		assertThat(response.getResult().getOutput().getText())
			.isEqualTo("I am sorry, nobody is available to take your call right now. Would you like to leave a message?");
		assertThat(response.hasToolCalls()).isFalse();
	}

	@Test
	void saysItCannotWhenTheToolIsNotOffered() {
		ChatResponse response = this.model.call(new Prompt(new UserMessage("Can I talk to a person?")));
		assertThat(response.getResult().getOutput().getText())
			.isEqualTo("I am sorry, I cannot put you through to a person right now.");
		assertThat(response.hasToolCalls()).isFalse();
		assertThat(this.model.call(new Prompt(new UserMessage("Bye."))).hasToolCalls()).isFalse();
	}

	@Test
	void streamsOneSentencePerResponseThenTheToolCalls() {
		List<ChatResponse> chunks = this.model.stream(prompt(List.of(new UserMessage("Can I talk to a person?"))))
			.collectList()
			.block();
		assertThat(chunks).extracting((chunk) -> chunk.getResult().getOutput().getText())
			.containsExactly("Of course. ", "Please hold on, I am putting you through. ", "");
		assertThat(toolCalls(chunks.get(2))).extracting(ToolCall::name).containsExactly(IntentChatModel.TRANSFER_TO_PERSON);
		assertThat(chunks.subList(0, 2)).noneMatch(ChatResponse::hasToolCalls);
	}

	@Test
	void chatClientCallsTheToolsAndTheModelAnswersTheirResults() {
		ChatClient client = ChatClient.builder(this.model).defaultToolCallbacks(tools()).build();
		String answer = client.prompt().user("Can I talk to a person, please?").call().content();
		assertThat(this.called).containsExactly(IntentChatModel.TRANSFER_TO_PERSON);
		assertThat(answer).isEqualTo("I am sorry, nobody is available to take your call right now. "
				+ "Would you like to leave a message?");
	}

	@Test
	void chatClientStreamCallsTheToolsToo() {
		ChatClient client = ChatClient.builder(this.model).defaultToolCallbacks(tools()).build();
		List<String> words = client.prompt().user("That's all, goodbye.").stream().content().collectList().block();
		assertThat(this.called).containsExactly(IntentChatModel.HANG_UP);
		assertThat(String.join("", words)).startsWith("Thank you for calling. Goodbye!");
	}

	@Test
	void aSuccessfulTransferNeedsNoMoreWords() {
		this.transferResult = "CONNECTED";
		ChatClient client = ChatClient.builder(this.model).defaultToolCallbacks(tools()).build();
		assertThat(client.prompt().user("Put me through to someone.").call().content()).isEmpty();
		assertThat(this.called).containsExactly(IntentChatModel.TRANSFER_TO_PERSON);
	}

	private Prompt prompt(List<Message> messages) {
		return new Prompt(messages, ToolCallingChatOptions.builder().toolCallbacks(tools()).build());
	}

	private List<ToolCallback> tools() {
		return List.of(tool(IntentChatModel.TRANSFER_TO_PERSON), tool(IntentChatModel.HANG_UP),
				tool(IntentChatModel.TAKE_MESSAGE));
	}

	private ToolCallback tool(String name) {
		return FunctionToolCallback.builder(name, (Object input) -> {
			this.called.add(name);
			return name.equals(IntentChatModel.TRANSFER_TO_PERSON) ? this.transferResult : "OK";
		}).description(name).inputType(Object.class).build();
	}

	private static List<ToolCall> toolCalls(ChatResponse response) {
		return response.getResult().getOutput().getToolCalls();
	}

}
