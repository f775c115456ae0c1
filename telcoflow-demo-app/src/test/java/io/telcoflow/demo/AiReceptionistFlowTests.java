package io.telcoflow.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;
import io.telcoflow.demo.agent.CallerSentences;
import io.telcoflow.demo.simulator.AgentCallers;
import io.telcoflow.demo.simulator.AgentCallers.Scenario;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechModel;
import io.telcoflow.speech.offline.SphinxTranscriptionModel;
import io.telcoflow.speech.offline.demo.IntentChatModel;
import io.telcoflow.spring.boot.autoconfigure.voiceagent.VoiceAgentProperties;
import io.telcoflow.voiceagent.CallTool;
import io.telcoflow.voiceagent.TurnOutcome;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentEvent.AgentSaid;
import io.telcoflow.voiceagent.VoiceAgentEvent.EndReason;
import io.telcoflow.voiceagent.VoiceAgentListener;
import io.telcoflow.voiceagent.VoiceAgentMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AI receptionist end to end with the offline models, against the embedded simulator: each
 * scripted caller of the demo rings in turn (one call at a time, so that a loaded machine slows the
 * calls down rather than making them overlap), and each test checks its call's story: what the
 * transcription model recognized, what the agent said and how much of it the caller heard (from
 * the audio the simulator pulled), the tools it called, the recording, how the call ended, and the
 * live transcript in the {@code telcoflow} endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "demo.simulator.auto-calls=false", "demo.simulator.record-agent-audio=true",
				"demo.recordings-dir=target/test-recordings/ai", "telcoflow.voice-agent.transfer-ring-time=3s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AiReceptionistFlowTests {

	/** Far more than any scripted call lasts (about 40 s): calls end by themselves. */
	private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

	/** More than the demo allows, for a test that must hold on a loaded machine. */
	private static final Duration RESPONSE_TIME = Duration.ofSeconds(6);

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

	@Autowired
	private TelcoflowSimulator simulator;

	@Autowired
	private DemoProperties properties;

	@Autowired
	private VoiceAgentProperties voiceAgent;

	@Autowired
	private RecordedEvents events;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TranscriptionModel transcriptionModel;

	@Autowired
	private TextToSpeechModel speechModel;

	@Autowired
	private MeterRegistry meterRegistry;

	@LocalServerPort
	private int port;

	private AgentCallers callers;

	@BeforeAll
	void callers() {
		this.callers = new AgentCallers(this.voiceAgent.getGreeting(), this.properties.getAgent().getOpeningHours(),
				this.voiceAgent.getTransferRingTime(), RESPONSE_TIME);
		this.simulator.awaitReadySessions(1, Duration.ofSeconds(30));
	}

	@Test
	void withoutAnOpenAiKeyTheAgentRunsOnTheOfflineModels() {
		assertThat(this.transcriptionModel).isInstanceOf(SphinxTranscriptionModel.class);
		assertThat(this.speechModel).isInstanceOf(FreeTtsTextToSpeechModel.class);
		assertThat(this.context.getBean(ChatModel.class)).isInstanceOf(IntentChatModel.class);
		assertThat(this.context.getBeanNamesForType(ChatModel.class)).hasSize(1);
		assertThat(this.context.getBeanDefinitionNames()).noneMatch((name) -> name.toLowerCase().contains("openai"));
	}

	@Test
	void callerWhoAsksForTheOpeningHoursHearsThemToTheEnd() {
		Story story = call(Scenario.OPENING_HOURS);
		assertThat(story.callerSaid()).singleElement().asString().contains("what are your opening hours");
		String hours = this.properties.getAgent().getOpeningHours() + " Is there anything else I can help you with?";
		assertThat(story.agentSaid()).extracting(AgentSaid::heard)
			.containsExactly(this.voiceAgent.getGreeting(), hours);
		assertThat(story.agentSaid()).noneMatch(AgentSaid::interrupted);
		assertThat(story.outcomes()).containsExactly(TurnOutcome.COMPLETED);
		assertThat(story.callTools()).isEmpty();
		assertThat(story.ended()).isEqualTo(EndReason.CALL_ENDED);
		assertThat(story.call().endReason()).isEqualTo("caller_hangup");
		assertCallerHeard(story, this.voiceAgent.getGreeting(), hours);
		assertThat(story.responses()).allSatisfy((response) -> assertThat(response).isPositive());
	}

	@Test
	void callerWhoSpeaksOverTheHoursStopsTheAgentWhoRemembersOnlyWhatWasHeard() {
		Story story = call(Scenario.BARGE_IN);
		assertThat(story.callerSaid()).hasSize(2);
		assertThat(story.callerSaid().get(0)).contains("what are your opening hours");
		assertThat(story.callerSaid().get(1)).contains("goodbye");
		List<VoiceAgentEvent.BargeIn> bargeIns = story.of(VoiceAgentEvent.BargeIn.class);
		assertThat(bargeIns).singleElement().satisfies((bargeIn) -> assertThat(bargeIn.heardBytes()).isPositive());
		AgentSaid hours = story.agentSaid().get(1);
		assertThat(hours.interrupted()).isTrue();
		assertThat(hours.heard()).isNotEmpty().isEqualTo(bargeIns.get(0).heard());
		assertThat(hours.unheard()).isNotEmpty().endsWith("Is there anything else I can help you with?");
		assertThat(this.properties.getAgent().getOpeningHours()).startsWith(hours.heard());
		assertThat(story.outcomes()).containsExactly(TurnOutcome.INTERRUPTED, TurnOutcome.COMPLETED);
		assertThat(story.agentSaid()).last().extracting(AgentSaid::heard).isEqualTo("Thank you for calling. Goodbye!");
		assertThat(story.callTools()).containsExactly(CallTool.HANG_UP);
		assertThat(story.ended()).isEqualTo(EndReason.HUNG_UP);
		assertThat(story.call().endReason()).isEqualTo("disconnected");
	}

	@Test
	void callerWhoAsksForAPersonWhomNobodyAnswersIsOfferedAMessage() throws Exception {
		SimulatedCall call = this.simulator.placeCall(this.callers.script(Scenario.TRANSFER));
		// While it rings for a person, the telcoflow endpoint shows the live call's transcript.
		await().atMost(CALL_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> telcoflowEndpoint().contains("\"text\":\"can i talk to a person"));
		assertThat(telcoflowEndpoint()).contains(call.callId(), "\"speaker\":\"caller\"", "\"speaker\":\"agent\"");
		Story story = story(call);
		assertThat(story.callerSaid()).singleElement().asString().contains("can i talk to a person");
		assertThat(story.of(VoiceAgentEvent.CallToolUsed.class)).singleElement().satisfies((tool) -> {
			assertThat(tool.tool()).isEqualTo(CallTool.TRANSFER);
			assertThat(tool.result()).startsWith("CALL_UNANSWERED");
		});
		assertThat(story.call().record().commands()).filteredOn((command) -> command.name().equals("connect"))
			.singleElement()
			.satisfies((connect) -> assertThat(connect.ok()).isFalse());
		AgentSaid reply = story.agentSaid().get(1);
		assertThat(reply.interrupted()).isFalse();
		assertThat(reply.heard()).startsWith("Of course. Please hold on, I am putting you through.")
			.endsWith("nobody is available to take your call right now. Would you like to leave a message?");
		assertThat(story.ended()).isEqualTo(EndReason.CALL_ENDED);
		assertThat(story.call().endReason()).isEqualTo("caller_hangup");
	}

	@Test
	void callerWhoLeavesAMessageIsRecordedToWav() throws IOException {
		Story story = call(Scenario.MESSAGE);
		String message = "this is sam from accounts please call me back tomorrow about the invoice";
		assertThat(story.callerSaid()).hasSize(2);
		assertThat(story.callerSaid().get(0)).contains("leave a message");
		assertThat(story.callerSaid().get(1)).isEqualTo(message);
		assertThat(story.agentSaid()).extracting(AgentSaid::heard)
			.contains("Of course. Please say your message now, and I will pass it on.")
			.last()
			.asString()
			.startsWith("Thank you, I have taken your message");
		Path recording = this.properties.getRecordingsDir().resolve(story.call().callId() + ".wav");
		assertThat(recording).exists();
		WavAudio audio = WavReader.read(recording);
		Duration spoken = spoken(CallerSentences.MESSAGE);
		assertThat(audio.duration()).isBetween(spoken.minusMillis(500), spoken.plusSeconds(3));
		assertThat(this.transcriptionModel.call(new AudioTranscriptionPrompt(new FileSystemResource(recording)))
			.getResult()
			.getOutput()).isEqualTo(message);
		assertThat(story.ended()).isEqualTo(EndReason.CALL_ENDED);
	}

	@Test
	void callerWhoSaysGoodbyeIsHungUpOnOnceTheGoodbyeHasPlayed() {
		Story story = call(Scenario.GOODBYE);
		assertThat(story.callerSaid()).containsExactly("hello", "nothing else thank you goodbye");
		List<String> said = List.of(this.voiceAgent.getGreeting(),
				"Hello, thank you for calling. How can I help you?", "Thank you for calling. Goodbye!");
		assertThat(story.agentSaid()).extracting(AgentSaid::heard).containsExactlyElementsOf(said);
		assertThat(story.agentSaid()).noneMatch(AgentSaid::interrupted);
		assertThat(story.callTools()).containsExactly(CallTool.HANG_UP);
		assertThat(story.ended()).isEqualTo(EndReason.HUNG_UP);
		assertThat(story.call().endReason()).isEqualTo("disconnected");
		assertCallerHeard(story, said.toArray(String[]::new));
		assertThat(this.meterRegistry.get(VoiceAgentMetrics.LATENCY).tag("part", "response").timer().count())
			.isPositive();
	}

	private Story call(Scenario scenario) {
		return story(this.simulator.placeCall(this.callers.script(scenario)));
	}

	private Story story(SimulatedCall call) {
		call.awaitEnded(CALL_TIMEOUT);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.events.of(call.callId())
				.stream()
				.anyMatch(VoiceAgentEvent.ConversationEnded.class::isInstance));
		return new Story(call, List.copyOf(this.events.of(call.callId())));
	}

	private String telcoflowEndpoint() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/telcoflow")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Checks that the server pulled at least the audio of these lines (to within the padding of the
	 * last frame of each sentence): the caller heard every word.
	 */
	private void assertCallerHeard(Story story, String... lines) {
		long expected = 0;
		for (String line : lines) {
			for (String sentence : SENTENCE_END.split(line)) {
				expected += synthesize(sentence).length;
			}
		}
		assertThat(story.call().record().agentAudioBytes()).isGreaterThanOrEqualTo(expected * 95 / 100);
	}

	private Duration spoken(String sentence) {
		return io.telcoflow.audio.AudioFormat.PCM_24K.duration(synthesize(sentence).length);
	}

	private byte[] synthesize(String text) {
		return this.speechModel.call(new TextToSpeechPrompt(text)).getResult().getOutput();
	}

	/**
	 * What happened in one call.
	 */
	private record Story(SimulatedCall call, List<VoiceAgentEvent> events) {

		<T extends VoiceAgentEvent> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

		List<String> callerSaid() {
			return of(VoiceAgentEvent.CallerSaid.class).stream().map(VoiceAgentEvent.CallerSaid::text).toList();
		}

		List<AgentSaid> agentSaid() {
			return of(AgentSaid.class);
		}

		List<CallTool> callTools() {
			return of(VoiceAgentEvent.CallToolUsed.class).stream().map(VoiceAgentEvent.CallToolUsed::tool).toList();
		}

		List<TurnOutcome> outcomes() {
			return of(VoiceAgentEvent.TurnCompleted.class).stream().map(VoiceAgentEvent.TurnCompleted::outcome).toList();
		}

		List<Duration> responses() {
			return of(VoiceAgentEvent.TurnCompleted.class).stream()
				.filter((turn) -> turn.outcome() == TurnOutcome.COMPLETED)
				.map(VoiceAgentEvent.TurnCompleted::response)
				.toList();
		}

		EndReason ended() {
			return of(VoiceAgentEvent.ConversationEnded.class).get(0).reason();
		}

	}

	/**
	 * Every voice agent event, by call.
	 */
	static final class RecordedEvents implements VoiceAgentListener {

		private final Map<String, List<VoiceAgentEvent>> byCall = new ConcurrentHashMap<>();

		@Override
		public void onEvent(VoiceAgentEvent event) {
			this.byCall.computeIfAbsent(event.callId(), (id) -> new CopyOnWriteArrayList<>()).add(event);
		}

		List<VoiceAgentEvent> of(String callId) {
			return this.byCall.getOrDefault(callId, List.of());
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

}
