package io.telcoflow.test.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.ai.chat.client.ChatClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scripted chat model behind a real {@link ChatClient}.
 */
class ScriptedChatModelTests {

	@Test
	void cancellingTheClientsStreamWithToolsCancelsTheModels() {
		ScriptedChatModel model = new ScriptedChatModel().then(ScriptedChatModel.reply("Still talking").thenHang());
		List<String> tokens = new CopyOnWriteArrayList<>();
		Disposable subscription = ChatClient.create(model)
			.prompt()
			.user("hi")
			.tools(new Tools())
			.stream()
			.content()
			.subscribe(tokens::add);
		await().atMost(Duration.ofSeconds(10)).until(() -> tokens.size() == 2);
		subscription.dispose();
		await().atMost(Duration.ofSeconds(10)).until(() -> model.cancellations() == 1);
	}

	static class Tools {

		@org.springframework.ai.tool.annotation.Tool(description = "Says hello")
		String hello() {
			return "hello";
		}

	}

	@Test
	void streamsTheReplyWordByWord() {
		ScriptedChatModel model = ScriptedChatModel.of("Hello there, caller.");
		List<String> tokens = ChatClient.create(model).prompt().user("hi").stream().content().collectList().block();
		assertThat(tokens).containsExactly("Hello ", "there, ", "caller.");
		assertThat(model.prompts()).hasSize(1);
	}

	@Test
	void cancellingTheClientsStreamCancelsTheModels() {
		ScriptedChatModel model = new ScriptedChatModel().then(ScriptedChatModel.reply("Still talking").thenHang());
		List<String> tokens = new CopyOnWriteArrayList<>();
		Disposable subscription = ChatClient.create(model).prompt().user("hi").stream().content().subscribe(tokens::add);
		await().atMost(Duration.ofSeconds(10)).until(() -> tokens.size() == 2);
		subscription.dispose();
		await().atMost(Duration.ofSeconds(10)).until(() -> model.cancellations() == 1);
	}

}
