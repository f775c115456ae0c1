package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiAudioSpeechAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiAudioTranscriptionAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Spring AI 2's OpenAI models, as its starter configures them from {@code spring.ai.openai.*},
 * against {@link FakeOpenAiServer} on loopback: the requests they make and how they read the
 * answers, which the voice agent's end-to-end test relies on. No voice agent here.
 */
class OpenAiModelsOnFakeServerTests {

	private FakeOpenAiServer openAi;

	@BeforeEach
	void startServer() throws IOException {
		this.openAi = FakeOpenAiServer.start()
			.transcript("I would like to book a table")
			.reply("Certainly. ", "For how many ", "people?")
			.speech(FakeOpenAiServer::pcmFor);
	}

	@AfterEach
	void stopServer() {
		this.openAi.close();
	}

	private static final AutoConfigurations openAiModels = AutoConfigurations.of(OpenAiChatAutoConfiguration.class,
			OpenAiAudioTranscriptionAutoConfiguration.class, OpenAiAudioSpeechAutoConfiguration.class,
			ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class);

	private ApplicationContextRunner application(String baseUrl) {
		return new ApplicationContextRunner().withConfiguration(openAiModels)
			.withPropertyValues("spring.ai.openai.base-url=" + baseUrl, "spring.ai.openai.api-key=test",
					"spring.ai.openai.chat.model=gpt-4o-mini", "spring.ai.openai.audio.speech.response-format=pcm");
	}

	@Test
	void transcriptionModelUploadsTheWavFileAndReadsTheTranscript() {
		byte[] pcm = FakeOpenAiServer.pcmFor("the caller's words");
		application(this.openAi.baseUrl()).run((context) -> {
			ByteArrayResource wav = new ByteArrayResource(WavWriter.toBytes(new WavAudio(AudioFormat.PCM_24K, pcm))) {
				@Override
				public String getFilename() {
					return "utterance.wav";
				}
			};
			String text = context.getBean(TranscriptionModel.class)
				.call(new AudioTranscriptionPrompt(wav))
				.getResult()
				.getOutput();
			assertThat(text).isEqualTo("I would like to book a table");
		});
		assertThat(this.openAi.transcriptions()).singleElement().satisfies((request) -> {
			assertThat(request.authorization()).isEqualTo("Bearer test");
			// Spring AI's defaults: whisper-1, answered as plain text
			assertThat(request.model()).isEqualTo("whisper-1");
			assertThat(request.fields()).containsEntry("response_format", "text");
			assertThat(request.filename()).isEqualTo("utterance.wav");
			FakeOpenAiServer.Wav upload = request.wav();
			assertThat(upload.format().getSampleRate()).isEqualTo(24000f);
			assertThat(upload.pcm()).isEqualTo(pcm);
		});
		assertThat(this.openAi.unexpected()).isEmpty();
	}

	@Test
	void chatClientStreamsTheReplyFromServerSentEvents() {
		application(this.openAi.baseUrl()).run((context) -> {
			ChatClient chat = context.getBean(ChatClient.Builder.class).defaultSystem("You answer the phone.").build();
			List<String> tokens = chat.prompt().user("I would like to book a table").stream().content().collectList().block();
			assertThat(tokens).containsExactly("Certainly. ", "For how many ", "people?");
		});
		assertThat(this.openAi.chats()).singleElement().satisfies((request) -> {
			assertThat(request.authorization()).isEqualTo("Bearer test");
			assertThat(request.model()).isEqualTo("gpt-4o-mini");
			assertThat(request.stream()).isTrue();
			assertThat(request.messages()).containsExactly("system: You answer the phone.",
					"user: I would like to book a table");
		});
	}

	@Test
	void speechModelStreamsPcmInChunksOfAnySize() {
		application(this.openAi.baseUrl()).run((context) -> {
			List<byte[]> chunks = context.getBean(TextToSpeechModel.class)
				.stream(new TextToSpeechPrompt("Certainly."))
				.map((response) -> response.getResult().getOutput())
				.collectList()
				.block();
			ByteArrayOutputStream audio = new ByteArrayOutputStream();
			chunks.forEach(audio::writeBytes);
			assertThat(audio.toByteArray()).isEqualTo(FakeOpenAiServer.pcmFor("Certainly."));
			// the stream hands on what the socket had: a chunk may end in the middle of a sample
			assertThat(chunks).hasSizeGreaterThan(1).anySatisfy((chunk) -> assertThat(chunk.length % 2).isOne());
		});
		assertThat(this.openAi.speeches()).singleElement().satisfies((request) -> {
			assertThat(request.model()).isEqualTo("gpt-4o-mini-tts");
			assertThat(request.voice()).isEqualTo("alloy");
			assertThat(request.responseFormat()).isEqualTo("pcm");
			assertThat(request.streamFormat()).isEqualTo("audio");
			assertThat(request.input()).isEqualTo("Certainly.");
		});
	}

	@Test
	void formatOfAPromptsPortableOptionsOverridesTheConfiguredOne() {
		new ApplicationContextRunner().withConfiguration(openAiModels)
			.withPropertyValues("spring.ai.openai.base-url=" + this.openAi.baseUrl(), "spring.ai.openai.api-key=test")
			.run((context) -> {
				TextToSpeechResponse response = context.getBean(TextToSpeechModel.class)
					.call(new TextToSpeechPrompt("Certainly.", TextToSpeechOptions.builder().format("pcm").build()));
				assertThat(response.getResult().getOutput()).isEqualTo(FakeOpenAiServer.pcmFor("Certainly."));
			});
		// without it: mp3, Spring AI's default, which a call cannot play
		assertThat(this.openAi.speeches()).singleElement()
			.satisfies((request) -> assertThat(request.responseFormat()).isEqualTo("pcm"));
	}

	@Test
	void baseUrlWithoutV1MissesTheEndpoints() {
		// Spring AI 1.x appended /v1 itself; the OpenAI SDK under Spring AI 2 appends only the path
		application(this.openAi.baseUrl().replace("/v1", "")).run((context) -> assertThatException()
			.isThrownBy(() -> context.getBean(TextToSpeechModel.class).call("Certainly.")));
		assertThat(this.openAi.unexpected()).contains("POST /audio/speech");
		assertThat(this.openAi.speeches()).isEmpty();
	}

}
