package io.telcoflow.spring.boot.autoconfigure.voiceagent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CallerAudio;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import io.telcoflow.voiceagent.VoiceAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A voice agent on Spring AI's real OpenAI models, configured as an application configures them
 * ({@code spring-ai-starter-model-openai}, {@code spring.ai.openai.base-url}, an API key, the
 * auto-configured {@code VoiceAgent.Builder} and {@code telcoflow.voice-agent.*}), answering a call
 * from the simulator: the caller's utterance goes to {@code /v1/audio/transcriptions} as a WAV
 * file, the transcript to {@code /v1/chat/completions} (streamed) with the system prompt and the
 * greeting, each sentence of the reply to {@code /v1/audio/speech} as {@code pcm}, and the caller
 * hears those bytes. All of it on loopback: {@link FakeOpenAiServer} answers with canned data.
 */
@SpringBootTest(classes = VoiceAgentOnOpenAiTests.AgentApplication.class,
		properties = { "spring.ai.model.chat=openai", "spring.ai.model.audio.transcription=openai",
				"spring.ai.model.audio.speech=openai", "spring.ai.openai.api-key=test",
				"spring.ai.openai.chat.model=gpt-4o-mini",
				"spring.ai.openai.audio.transcription.model=gpt-4o-mini-transcribe",
				"spring.ai.openai.audio.speech.model=gpt-4o-mini-tts", "spring.ai.openai.audio.speech.voice=coral",
				"spring.ai.openai.audio.speech.response-format=pcm",
				"telcoflow.voice-agent.system-prompt=" + VoiceAgentOnOpenAiTests.SYSTEM_PROMPT,
				"telcoflow.voice-agent.greeting=" + VoiceAgentOnOpenAiTests.GREETING,
				// the first request of each model loads the OpenAI SDK: slow on a loaded machine, not a failure
				"telcoflow.voice-agent.timeout.transcription=60s", "telcoflow.voice-agent.timeout.chat=60s",
				"telcoflow.voice-agent.timeout.speech=60s" })
class VoiceAgentOnOpenAiTests {

	static final Duration WAIT = Duration.ofSeconds(90);

	static final String SYSTEM_PROMPT = "You are the front desk of the Grand Hotel. Answer in one short sentence.";

	static final String GREETING = "Grand Hotel, good evening.";

	static final String TRANSCRIPT = "I would like a room for tonight.";

	static final String FIRST_SENTENCE = "Certainly.";

	static final String SECOND_SENTENCE = "For how many people?";

	/** What the caller says: three "words" with short pauses, one utterance for the agent. */
	static final byte[] UTTERANCE = CallerAudio
		.sequence(CallerAudio.tone(300, Duration.ofMillis(300)), CallerAudio.silence(Duration.ofMillis(140)),
				CallerAudio.tone(450, Duration.ofMillis(260)), CallerAudio.silence(Duration.ofMillis(160)),
				CallerAudio.tone(350, Duration.ofMillis(400)))
		.render(24000);

	static final TelcoflowSimulator simulator = TelcoflowSimulator.builder().recordAgentAudio(true).build().start();

	static final FakeOpenAiServer openAi = startOpenAi();

	private static FakeOpenAiServer startOpenAi() {
		try {
			// the reply streams in pieces that do not follow its sentences
			return FakeOpenAiServer.start()
				.transcript(TRANSCRIPT)
				.reply("Certainly. For", " how many ", "people?")
				.speech(FakeOpenAiServer::pcmFor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SimulatorApplications.register(registry, simulator);
		registry.add("spring.ai.openai.base-url", openAi::baseUrl);
	}

	@AfterAll
	static void stop() {
		simulator.close();
		openAi.close();
	}

	@BeforeEach
	void awaitReady() {
		simulator.awaitReadySessions(1, WAIT);
	}

	@Test
	void callerHearsTheSynthesizedReplyToWhatTheySaid() {
		SimulatedCall call = simulator.placeCall(CallScript.builder().build());
		call.awaitState("ANSWERED", WAIT);
		// the caller speaks once the greeting has been heard (a caller speaking over it would interrupt it)
		await().atMost(WAIT).until(() -> spokenAt(call.record().agentAudio(), GREETING, 0) >= 0);
		call.sendCallerAudio(UTTERANCE);
		await().atMost(WAIT).until(() -> spokenAt(call.record().agentAudio(), SECOND_SENTENCE, 0) >= 0);

		assertThat(openAi.transcriptions()).singleElement().satisfies((request) -> {
			assertThat(request.authorization()).isEqualTo("Bearer test");
			assertThat(request.model()).isEqualTo("gpt-4o-mini-transcribe");
			assertThat(request.filename()).isEqualTo("utterance.wav");
			FakeOpenAiServer.Wav upload = request.wav();
			assertThat(upload.type()).isEqualTo("WAVE");
			assertThat(upload.format()).hasToString("PCM_SIGNED 24000.0 Hz, 16 bit, mono, 2 bytes/frame, little-endian");
			// every byte of the utterance, pauses included, with at most the detector's lead-in (its
			// 500 ms prefix and 50 ms minimum speech) and the end-of-utterance silence (600 ms) around it
			assertThat(FakeOpenAiServer.indexOf(upload.pcm(), UTTERANCE, 0)).isNotNegative();
			assertThat(upload.pcm().length).isLessThanOrEqualTo(UTTERANCE.length + 48 * (550 + 600 + 20));
		});
		assertThat(openAi.chats()).singleElement().satisfies((request) -> {
			assertThat(request.authorization()).isEqualTo("Bearer test");
			assertThat(request.model()).isEqualTo("gpt-4o-mini");
			assertThat(request.stream()).isTrue();
			assertThat(request.messages()).containsExactly("system: " + SYSTEM_PROMPT, "assistant: " + GREETING,
					"user: " + TRANSCRIPT);
		});
		// the fallback line is synthesized once in the background when the first conversation starts
		assertThat(openAi.speeches()).extracting(FakeOpenAiServer.Speech::input)
			.containsExactlyInAnyOrder(VoiceAgent.Builder.DEFAULT_FALLBACK_LINE, GREETING, FIRST_SENTENCE,
					SECOND_SENTENCE);
		assertThat(openAi.speeches()).allSatisfy((request) -> {
			assertThat(request.authorization()).isEqualTo("Bearer test");
			assertThat(request.model()).isEqualTo("gpt-4o-mini-tts");
			assertThat(request.voice()).isEqualTo("coral");
			assertThat(request.responseFormat()).isEqualTo("pcm");
			assertThat(request.streamFormat()).isEqualTo("audio");
		});
		// the caller heard OpenAI's bytes, sentence after sentence, and not the fallback line
		byte[] heard = call.record().agentAudio();
		int greeting = spokenAt(heard, GREETING, 0);
		int first = spokenAt(heard, FIRST_SENTENCE, greeting);
		int second = spokenAt(heard, SECOND_SENTENCE, first);
		assertThat(greeting).isNotNegative();
		assertThat(first).isGreaterThan(greeting);
		assertThat(second).isGreaterThan(first);
		assertThat(spokenAt(heard, VoiceAgent.Builder.DEFAULT_FALLBACK_LINE, 0)).isNegative();
		assertThat(call.record().protocolErrors()).isEmpty();
		assertThat(openAi.unexpected()).isEmpty();
		call.hangUp();
	}

	/** Where the fake server's speech for a text is in the agent's audio, or -1. */
	private static int spokenAt(byte[] agentAudio, String text, int from) {
		return FakeOpenAiServer.indexOf(agentAudio, FakeOpenAiServer.pcmFor(text), from);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class AgentApplication {

		@Bean
		VoiceAgent voiceAgent(VoiceAgent.Builder voiceAgent) {
			return voiceAgent.build();
		}

		@Bean
		AgentHandler agentHandler(VoiceAgent voiceAgent) {
			return new AgentHandler(voiceAgent);
		}

	}

	static class AgentHandler {

		private final VoiceAgent voiceAgent;

		AgentHandler(VoiceAgent voiceAgent) {
			this.voiceAgent = voiceAgent;
		}

		@OnIncomingCall
		void onCall(ActiveCall call) {
			this.voiceAgent.run(call);
		}

	}

}
