package io.telcoflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;
import io.telcoflow.demo.receptionist.Prompts;
import io.telcoflow.simulator.CallRecord;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.RecordedCommand;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scripted receptionist (profile {@code scripted}) against the embedded simulator: it takes
 * calls placed explicitly (no scripted callers), one per branch of its flow. The calls are placed at once and run side by
 * side, each test then looks at its own.
 */
@ActiveProfiles("scripted")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.simulator.auto-calls=false", "demo.simulator.record-agent-audio=true",
				"demo.recordings-dir=target/test-recordings", "demo.receptionist.ring-time=2s",
				"demo.receptionist.end-of-message-silence=800ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceptionistFlowTests {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);

	private static final Prompts prompts = Prompts.load();

	private static final byte[] INVOICE = Prompts.read("caller-invoice").data();

	private static final byte[] INTERRUPT = Prompts.read("caller-interrupt").data();

	/** One second of the greeting. */
	private static final int GREETING_HEARD_BEFORE_SPEAKING = 48000;

	@Autowired
	private TelcoflowSimulator simulator;

	@Autowired
	private DemoProperties properties;

	@LocalServerPort
	private int port;

	private SimulatedCall waitsForTheBeep;

	private SimulatedCall speaksOverTheGreeting;

	private SimulatedCall asksForAnAnsweringHuman;

	private SimulatedCall asksForAnAbsentHuman;

	private CompletableFuture<Long> invoiceAfterBeep;

	private CompletableFuture<Long> interruptionDuringGreeting;

	private CompletableFuture<Long> invoiceAfterVoicemailBeep;

	private final AtomicReference<Long> agentBytesWhenUnanswered = new AtomicReference<>();

	@BeforeAll
	void placeOneCallPerBranch() {
		this.simulator.awaitReadySessions(1, Duration.ofSeconds(10));
		int greetingAndBeep = prompts.greeting().data().length + prompts.beep().data().length;
		int voicemailAndBeep = prompts.voicemail().data().length + prompts.beep().data().length;
		this.waitsForTheBeep = this.simulator.placeCall(script("+441632960201").build());
		this.speaksOverTheGreeting = this.simulator.placeCall(script("+441632960202").build());
		this.asksForAnAnsweringHuman = this.simulator.placeCall(script("+441632960203").dtmf(Duration.ofSeconds(1), '0')
			.callee(CalleeBehaviour.answersAfter(Duration.ofMillis(500)))
			.build());
		this.asksForAnAbsentHuman = this.simulator.placeCall(script("+441632960204").dtmf(Duration.ofSeconds(1), '0')
			.callee(CalleeBehaviour.neverAnswers())
			.build());
		// The callers speak when the receptionist has played a given amount (not at fixed times),
		// so that a slow machine does not turn a caller who waits into one who interrupts.
		this.invoiceAfterBeep = speakWhen(this.waitsForTheBeep, (record) -> record.agentAudioBytes() >= greetingAndBeep,
				INVOICE);
		this.interruptionDuringGreeting = speakWhen(this.speaksOverTheGreeting,
				(record) -> record.agentAudioBytes() >= GREETING_HEARD_BEFORE_SPEAKING, INTERRUPT);
		this.invoiceAfterVoicemailBeep = speakWhen(this.asksForAnAbsentHuman, (record) -> {
			Long unansweredAt = this.agentBytesWhenUnanswered.get();
			if (unansweredAt == null && record.commands().stream().anyMatch((command) -> !command.ok())) {
				this.agentBytesWhenUnanswered.set(record.agentAudioBytes());
				return false;
			}
			return unansweredAt != null && record.agentAudioBytes() >= unansweredAt + voicemailAndBeep;
		}, INVOICE);
	}

	/**
	 * Has a caller say something once the receptionist's playing meets a condition.
	 * @return a future of how many bytes the receptionist had played when the caller spoke
	 */
	private static CompletableFuture<Long> speakWhen(SimulatedCall call, Predicate<CallRecord> condition, byte[] pcm) {
		// A thread per caller: each waits on its own condition, at the same time as the others.
		return CompletableFuture.supplyAsync(() -> {
			await().atMost(CALL_TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> condition.test(call.record()));
			long played = call.record().agentAudioBytes();
			call.sendCallerAudio(pcm);
			return played;
		}, (task) -> new Thread(task, "caller " + call.script().callerNumber()).start());
	}

	private static CallScript.Builder script(String callerNumber) {
		// A safety net: every call here ends well before, by the receptionist or the test.
		return CallScript.builder().callerNumber(callerNumber).hangUpAfter(CALL_TIMEOUT);
	}

	@Test
	void callerWhoWaitsForTheBeepHearsTheGreetingTheBeepAndTheGoodbyeThenIsDisconnected() {
		this.invoiceAfterBeep.join();
		assertThat(this.waitsForTheBeep.awaitEnded(CALL_TIMEOUT)).isEqualTo("disconnected");
		CallRecord record = this.waitsForTheBeep.record();
		assertThat(record.commandNames()).containsExactly("answer", "disconnect");
		assertThat(record.agentAudio())
			.isEqualTo(TestAudio.concat(prompts.greeting().data(), prompts.beep().data(), prompts.goodbye().data()));
		assertThat(record.protocolErrors()).isEmpty();
	}

	@Test
	void callerWhoWaitsForTheBeepHasTheirMessageRecorded() throws IOException {
		this.invoiceAfterBeep.join();
		this.waitsForTheBeep.awaitEnded(CALL_TIMEOUT);
		WavAudio message = recording(this.waitsForTheBeep);
		assertThat(TestAudio.indexOf(message.data(), middleOf(INVOICE))).isNotNegative();
		Duration spoken = AudioFormat.pcm(24000).duration(INVOICE.length);
		assertThat(message.duration()).isBetween(spoken.minusMillis(300), spoken.plusMillis(600));
	}

	@Test
	void callerWhoSpeaksOverTheGreetingStopsItWithinAFewFrames() throws IOException {
		long playedWhenSpoke = this.interruptionDuringGreeting.join();
		assertThat(this.speaksOverTheGreeting.awaitEnded(CALL_TIMEOUT)).isEqualTo("disconnected");
		CallRecord record = this.speaksOverTheGreeting.record();
		byte[] agentAudio = record.agentAudio();
		byte[] goodbye = prompts.goodbye().data();
		assertThat(agentAudio.length).isGreaterThan(goodbye.length);
		byte[] greetingHeard = Arrays.copyOfRange(agentAudio, 0, agentAudio.length - goodbye.length);
		assertThat(Arrays.copyOfRange(agentAudio, greetingHeard.length, agentAudio.length)).isEqualTo(goodbye);
		// The simulator pulls a frame of the greeting every 20 ms and sends a frame of the caller in
		// the same tick: count the greeting's frames pulled after the caller started (detector onset,
		// network, scheduling on a busy machine).
		Duration afterSpeech = AudioFormat.pcm(24000).duration(greetingHeard.length - playedWhenSpoke);
		assertThat(afterSpeech).isBetween(Duration.ZERO, Duration.ofMillis(500));
		assertThat(TestAudio.indexOf(recording(this.speaksOverTheGreeting).data(), middleOf(INTERRUPT))).isNotNegative();
	}

	@Test
	void operatorKeyWithAnAnsweringHumanPutsTheCallerThroughAndTheReceptionistLeaves() {
		SimulatedCall call = this.asksForAnAnsweringHuman;
		await().atMost(CALL_TIMEOUT).until(() -> call.record().commandNames().contains("close"));
		RecordedCommand connect = command(call, "connect");
		assertThat(connect.ok()).isTrue();
		assertThat(connect.members()).containsEntry("ring_time_seconds", 2);
		assertThat(call.record().commandNames()).containsExactly("answer", "connect", "close");
		assertThat(call.record().states()).contains("CONNECTED");
		assertThat(TestAudio.indexOf(call.record().agentAudio(), prompts.connecting().data())).isNotNegative();
		assertThat(this.properties.getRecordingsDir().resolve(call.callId() + ".wav")).doesNotExist();
	}

	@Test
	void operatorKeyWithNobodyAnsweringFallsBackToVoicemail() throws IOException {
		SimulatedCall call = this.asksForAnAbsentHuman;
		this.invoiceAfterVoicemailBeep.join();
		assertThat(call.awaitEnded(CALL_TIMEOUT)).isEqualTo("disconnected");
		RecordedCommand connect = command(call, "connect");
		assertThat(connect.ok()).isFalse();
		assertThat(connect.errorCode()).isEqualTo("CALL_UNANSWERED");
		assertThat(call.record().commandNames()).containsExactly("answer", "connect", "disconnect");
		assertThat(TestAudio.indexOf(call.record().agentAudio(), prompts.voicemail().data())).isNotNegative();
		assertThat(TestAudio.indexOf(recording(call).data(), middleOf(INVOICE))).isNotNegative();
	}

	@Test
	void actuatorShowsTheTelcoflowEndpointAndHealthOverHttp() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> health = http.send(request("/actuator/health"), HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"telcoflow\"");
		HttpResponse<String> telcoflow = http.send(request("/actuator/telcoflow"), HttpResponse.BodyHandlers.ofString());
		assertThat(telcoflow.statusCode()).isEqualTo(200);
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
	}

	private static RecordedCommand command(SimulatedCall call, String name) {
		return call.record().commands().stream().filter((command) -> command.name().equals(name)).findFirst().orElseThrow();
	}

	private WavAudio recording(SimulatedCall call) throws IOException {
		Path file = this.properties.getRecordingsDir().resolve(call.callId() + ".wav");
		assertThat(file).exists();
		try (InputStream in = Files.newInputStream(file)) {
			return WavReader.read(in);
		}
	}

	/** A second of audio from the middle of a phrase. */
	private static byte[] middleOf(byte[] pcm) {
		int middle = (pcm.length / 2) & ~1;
		return Arrays.copyOfRange(pcm, middle - 24000, middle + 24000);
	}

}
