package io.telcoflow.demo.models;

import io.telcoflow.demo.DemoProperties;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechModel;
import io.telcoflow.speech.offline.SphinxTranscriptionModel;
import io.telcoflow.speech.offline.demo.IntentChatModel;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.openai.autoconfigure.OpenAiAudioSpeechAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiAudioTranscriptionAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.openai.OpenAiAudioSpeechModel;
import org.springframework.ai.openai.OpenAiAudioTranscriptionModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which models the receptionist gets: OpenAI's when {@code spring.ai.openai.api-key} is set, the
 * offline ones otherwise (the whole application without a key is in AiReceptionistFlowTests), and
 * the application's own whenever it has them. The OpenAI models are created against a loopback
 * address: creating them calls nothing.
 */
class OfflineModelsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new OpenAiKeySwitch().postProcessEnvironment(context.getEnvironment(),
				new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class, OpenAiChatAutoConfiguration.class,
				OpenAiAudioTranscriptionAutoConfiguration.class, OpenAiAudioSpeechAutoConfiguration.class,
				OfflineModelsConfiguration.class))
		.withUserConfiguration(DemoPropertiesConfiguration.class)
		.withPropertyValues("spring.ai.openai.base-url=http://127.0.0.1:9");

	@Test
	void withAnOpenAiKeyTheModelsAreOpenAisAndNoOfflineModelIsCreated() {
		this.runner.withPropertyValues("spring.ai.openai.api-key=sk-test").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TranscriptionModel.class)).isInstanceOf(OpenAiAudioTranscriptionModel.class);
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(OpenAiChatModel.class);
			assertThat(context.getBean(TextToSpeechModel.class)).isInstanceOf(OpenAiAudioSpeechModel.class);
			assertThat(context).doesNotHaveBean(SphinxTranscriptionModel.class)
				.doesNotHaveBean(FreeTtsTextToSpeechModel.class)
				.doesNotHaveBean(IntentChatModel.class);
		});
	}

	@Test
	void withoutAKeyOpenAisModelsAreNotCreated() {
		this.runner.withBean(TranscriptionModel.class, () -> mock(TranscriptionModel.class))
			.withBean(TextToSpeechModel.class, () -> mock(TextToSpeechModel.class))
			.withBean(ChatModel.class, () -> mock(ChatModel.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(OpenAiChatModel.class)
					.doesNotHaveBean(OpenAiAudioTranscriptionModel.class)
					.doesNotHaveBean(OpenAiAudioSpeechModel.class);
				assertThat(context.getEnvironment().getProperty("spring.ai.model.chat")).isEqualTo("none");
			});
	}

	@Test
	void aBlankKeyCountsAsNoKey() {
		this.runner.withPropertyValues("spring.ai.openai.api-key= ")
			.withBean(TranscriptionModel.class, () -> mock(TranscriptionModel.class))
			.withBean(TextToSpeechModel.class, () -> mock(TextToSpeechModel.class))
			.withBean(ChatModel.class, () -> mock(ChatModel.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenAiChatModel.class));
	}

	@Test
	void theApplicationsOwnModelsWinOverTheOfflineOnes() {
		TranscriptionModel transcription = mock(TranscriptionModel.class);
		TextToSpeechModel speech = mock(TextToSpeechModel.class);
		ChatModel chat = mock(ChatModel.class);
		this.runner.withBean(TranscriptionModel.class, () -> transcription)
			.withBean(TextToSpeechModel.class, () -> speech)
			.withBean(ChatModel.class, () -> chat)
			.run((context) -> {
				assertThat(context.getBean(TranscriptionModel.class)).isSameAs(transcription);
				assertThat(context.getBean(TextToSpeechModel.class)).isSameAs(speech);
				assertThat(context.getBean(ChatModel.class)).isSameAs(chat);
			});
	}

	@Test
	void aModelChoiceSetByTheApplicationWinsOverTheSwitch() {
		this.runner.withPropertyValues("spring.ai.model.chat=openai", "spring.ai.openai.chat.api-key=sk-chat-only")
			.withBean(TranscriptionModel.class, () -> mock(TranscriptionModel.class))
			.withBean(TextToSpeechModel.class, () -> mock(TextToSpeechModel.class))
			.run((context) -> assertThat(context.getBean(ChatModel.class)).isInstanceOf(OpenAiChatModel.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class DemoPropertiesConfiguration {

	}

}
