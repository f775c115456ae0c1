package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.spring.boot.actuate.CallTranscripts;
import io.telcoflow.spring.boot.autoconfigure.InvalidTelcoflowPropertyException;
import io.telcoflow.spring.boot.voiceagent.VoiceAgentEventPublisher;
import io.telcoflow.spring.boot.voiceagent.VoiceAgentTranscripts;
import io.telcoflow.spring.event.TelcoflowEventPublisher;
import io.telcoflow.voiceagent.VoiceAgent;
import io.telcoflow.voiceagent.VoiceAgentListener;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link VoiceAgentAutoConfiguration}.
 */
class VoiceAgentAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoiceAgentAutoConfiguration.class));

	private final ApplicationContextRunner withModels = this.contextRunner
		.withBean(ChatModel.class, () -> mock(ChatModel.class))
		.withBean(TranscriptionModel.class, () -> mock(TranscriptionModel.class))
		.withBean(TextToSpeechModel.class, () -> mock(TextToSpeechModel.class));

	@Test
	void givesAFreshBuilderWiredFromTheModelBeans() {
		this.withModels.run((context) -> {
			VoiceAgent.Builder first = context.getBean(VoiceAgent.Builder.class);
			assertThat(context.getBean(VoiceAgent.Builder.class)).isNotSameAs(first);
			VoiceAgent agent = first.build();
			assertThat(agent.toString()).contains("callTools=[HANG_UP, READ_DTMF]", "bargeIn=true (min PT0.3S)",
					"endOfUtteranceSilence=PT0.6S", "speechFormat=PCM_S16LE@24000Hz", "greeting=false");
		});
	}

	@Test
	void appliesTheProperties() {
		this.withModels
			.withPropertyValues("telcoflow.voice-agent.greeting=Grand Hotel, good evening.",
					"telcoflow.voice-agent.call-tools=transfer,hang-up", "telcoflow.voice-agent.barge-in.enabled=false",
					"telcoflow.voice-agent.barge-in.min-duration=500ms",
					"telcoflow.voice-agent.end-of-utterance-silence=900ms",
					"telcoflow.voice-agent.speech.sample-rate=16000", "telcoflow.voice-agent.speech.encoding=mulaw")
			.run((context) -> assertThat(context.getBean(VoiceAgent.Builder.class).build().toString()).contains(
					"greeting=true", "callTools=[TRANSFER, HANG_UP]", "bargeIn=false (min PT0.5S)",
					"endOfUtteranceSilence=PT0.9S", "speechFormat=MULAW@16000Hz"));
	}

	@Test
	void prefersSpringAisChatClientBuilder() {
		ChatClient.Builder chatClientBuilder = ChatClient.builder(mock(ChatModel.class));
		this.withModels.withBean(ChatClient.Builder.class, () -> chatClientBuilder)
			.run((context) -> assertThat(context.getBean(VoiceAgent.Builder.class).build()).isNotNull());
	}

	@Test
	void aMissingModelIsReportedWhenTheAgentIsBuilt() {
		this.contextRunner.withBean(ChatModel.class, () -> mock(ChatModel.class))
			.withBean(TextToSpeechModel.class, () -> mock(TextToSpeechModel.class))
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(VoiceAgent.Builder.class).build())
				.withMessageContaining("A voice agent needs a transcription model"));
	}

	@Test
	void aSpeechModelSetUpForMp3IsRefused() {
		TextToSpeechModel mp3 = mock(TextToSpeechModel.class);
		given(mp3.getOptions()).willReturn(TextToSpeechOptions.builder().format("mp3").build());
		this.contextRunner.withBean(ChatModel.class, () -> mock(ChatModel.class))
			.withBean(TranscriptionModel.class, () -> mock(TranscriptionModel.class))
			.withBean(TextToSpeechModel.class, () -> mp3)
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(VoiceAgent.Builder.class).build())
				.withMessageContaining("returns mp3 audio")
				.withMessageContaining("spring.ai.openai.audio.speech.response-format=pcm"));
	}

	@Test
	void addsTheListenerBeansToEachAgent() {
		this.withModels.withBean(SimpleMeterRegistry.class)
			.withBean(TelcoflowEventPublisher.class, () -> mock(TelcoflowEventPublisher.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(VoiceAgentMetrics.class)
					.hasSingleBean(VoiceAgentTranscripts.class)
					.hasSingleBean(VoiceAgentEventPublisher.class)
					.hasSingleBean(CallTranscripts.class);
				assertThat(context.getBeansOfType(VoiceAgentListener.class)).hasSize(3);
			});
	}

	@Test
	void noMetersWithoutAMeterRegistryAndNoEventsWithoutTheEventPublisher() {
		this.withModels.run((context) -> assertThat(context).doesNotHaveBean(VoiceAgentMetrics.class)
			.doesNotHaveBean(VoiceAgentEventPublisher.class));
	}

	@Test
	void transcriptsCanBeKeptOutOfTheEndpoint() {
		this.withModels.withPropertyValues("telcoflow.voice-agent.transcripts-in-endpoint=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CallTranscripts.class));
	}

	@Test
	void backsOffToTheApplicationsBeans() {
		VoiceAgent.Builder own = VoiceAgent.builder();
		VoiceAgentMetrics ownMetrics = new VoiceAgentMetrics(new SimpleMeterRegistry());
		this.withModels.withBean(SimpleMeterRegistry.class)
			.withBean(VoiceAgent.Builder.class, () -> own)
			.withBean(VoiceAgentMetrics.class, () -> ownMetrics)
			.run((context) -> {
				assertThat(context.getBean(VoiceAgent.Builder.class)).isSameAs(own);
				assertThat(context.getBean(VoiceAgentMetrics.class)).isSameAs(ownMetrics);
			});
	}

	@Test
	void offWithoutSpringAiOrTheVoiceAgentModuleOrWhenDisabled() {
		this.withModels.withClassLoader(new FilteredClassLoader(ChatClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(VoiceAgent.Builder.class));
		this.withModels.withClassLoader(new FilteredClassLoader(VoiceAgent.class))
			.run((context) -> assertThat(context).doesNotHaveBean(VoiceAgent.Builder.class));
		this.withModels.withPropertyValues("telcoflow.voice-agent.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(VoiceAgent.Builder.class));
	}

	@Test
	void badPropertiesFailTheStartWithThePropertyNamed() {
		this.withModels.withPropertyValues("telcoflow.voice-agent.barge-in.min-duration=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidTelcoflowPropertyException.class)
				.hasMessageContaining("telcoflow.voice-agent.barge-in.min-duration")
				.hasMessageContaining("must be positive");
		});
		this.withModels.withPropertyValues("telcoflow.voice-agent.speech.sample-rate=44")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("telcoflow.voice-agent.speech.sample-rate")
				.hasMessageContaining("cannot be converted"));
		this.withModels.withPropertyValues("telcoflow.voice-agent.fallback-line= ")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("telcoflow.voice-agent.fallback-line"));
		this.withModels
			.withPropertyValues("telcoflow.voice-agent.max-utterance=500ms",
					"telcoflow.voice-agent.end-of-utterance-silence=600ms")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("telcoflow.voice-agent.max-utterance"));
	}

}
