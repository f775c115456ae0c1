package io.telcoflow.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.telcoflow.simulator.SimulatorTestSupport.OpenCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.telcoflow.simulator.SimulatorTestSupport.answeredCall;
import static io.telcoflow.simulator.SimulatorTestSupport.command;
import static io.telcoflow.simulator.SimulatorTestSupport.openCall;
import static io.telcoflow.simulator.SimulatorTestSupport.readyControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimulatorCallTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start();

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void callIsOfferedOnlyAfterReady() {
		TestWebSocket control = TestWebSocket.control(this.sim);
		control.await("session.welcome");
		SimulatedCall call = this.sim.placeCall(CallScript.builder().callerNumber("+441632960123").calleeNumber(null).build());
		Instant beforeReady = Instant.now();
		control.send("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":0}");
		JsonNode incoming = control.await("call.incoming");
		assertThat(incoming.path("call_id").asString()).isEqualTo(call.callId());
		assertThat(call.record().offeredAt()).isAfterOrEqualTo(beforeReady);
		assertThat(incoming.path("caller_number").asString()).isEqualTo("+441632960123");
		assertThat(incoming.path("callee_number").isNull()).isTrue();
		assertThat(incoming.path("media_url").asString()).isEqualTo(this.sim.url() + "/v1/calls/" + call.callId() + "/media");
		assertThat(incoming.path("media_token").asString()).isEqualTo(call.mediaToken());
		assertThat(incoming.path("offered_at").asString()).isNotEmpty();
		assertThat(call.record().offeredAt()).isNotNull();
		assertThat(call.callId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}

	@Test
	void mediaConnectionStartsWithMediaStarted() {
		TestWebSocket control = readyControl(this.sim, 16000, 0);
		SimulatedCall call = this.sim.placeCall();
		JsonNode incoming = control.await("call.incoming");
		TestWebSocket media = SimulatorTestSupport.openMedia(this.sim, incoming);
		JsonNode started = media.await("media.started");
		assertThat(started.path("call_id").asString()).isEqualTo(call.callId());
		assertThat(started.path("state").asString()).isEqualTo("PENDING");
		assertThat(started.path("sample_rate").asInt()).isEqualTo(16000);
		assertThat(started.path("frame_ms").asInt()).isEqualTo(20);
		assertThat(call.isMediaOpen()).isTrue();
		assertThat(call.record().mediaOpenedAt()).isNotNull();
	}

	@Test
	void mediaUpgradeNeedsThatCallsToken() {
		TestWebSocket control = readyControl(this.sim);
		this.sim.placeCall();
		this.sim.placeCall();
		JsonNode first = control.await("call.incoming");
		JsonNode second = control.await("call.incoming");
		Map<String, String> secondsToken = SimulatorTestSupport.mediaHeaders(this.sim, second);
		String firstUrl = first.path("media_url").asString();
		assertThat(TestWebSocket.refusalStatus(firstUrl, secondsToken, null)).isEqualTo(403);
		assertThat(TestWebSocket.refusalStatus(firstUrl, TestWebSocket.apiKeyHeaders(this.sim), null)).isEqualTo(401);
		assertThat(TestWebSocket.refusalStatus(this.sim.url() + "/v1/calls/unknown/media", secondsToken, null)).isEqualTo(404);
		Map<String, String> noApiKey = Map.of("Telcoflow-Media-Token", first.path("media_token").asString());
		assertThat(TestWebSocket.refusalStatus(firstUrl, noApiKey, null)).isEqualTo(401);
	}

	@Test
	void answerMovesPendingCallToAnsweredAndStartsAudioAndPulls() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.builder().callerAudio(CallerAudio.tone(440, Duration.ofSeconds(1))).build());
		open.media().send(command("c-1", "answer"));
		JsonNode result = open.media().await("command.result");
		assertThat(result.path("id").asString()).isEqualTo("c-1");
		assertThat(result.path("ok").asBoolean()).isTrue();
		assertThat(result.path("state").asString()).isEqualTo("ANSWERED");
		JsonNode state = open.media().await("call.state");
		assertThat(state.path("state").asString()).isEqualTo("ANSWERED");
		assertThat(state.path("previous").asString()).isEqualTo("PENDING");
		JsonNode pull = open.media().await("audio.pull");
		assertThat(pull.path("bytes").asInt()).isEqualTo(960);
		assertThat(open.media().awaitBinary()).hasSize(960);
		open.call().awaitState("ANSWERED", TIMEOUT);
		assertThat(open.call().state()).isEqualTo("ANSWERED");
		assertThat(open.call().record().commands()).singleElement().satisfies((command) -> {
			assertThat(command.name()).isEqualTo("answer");
			assertThat(command.ok()).isTrue();
			assertThat(command.members()).containsEntry("id", "c-1");
		});
		await().atMost(TIMEOUT).until(() -> open.call().record().pulls() > 5);
	}

	@Test
	void callerAudioArrivesInFramesAtTheSessionRate() {
		TestWebSocket control = readyControl(this.sim, 8000, 0);
		byte[] pcm = new byte[640];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (byte) (i * 7);
		}
		OpenCall open = answeredCall(this.sim, control, CallScript.builder().callerAudio(CallerAudio.pcm(pcm)).build());
		assertThat(open.media().await("audio.pull").path("bytes").asInt()).isEqualTo(320);
		byte[] first = open.media().awaitBinary();
		byte[] second = open.media().awaitBinary();
		byte[] third = open.media().awaitBinary();
		assertThat(first).hasSize(320).isEqualTo(java.util.Arrays.copyOfRange(pcm, 0, 320));
		assertThat(second).isEqualTo(java.util.Arrays.copyOfRange(pcm, 320, 640));
		assertThat(third).containsOnly(0);
	}

	@Test
	void queuedCallerAudioFollowsTheScript() {
		TestWebSocket control = readyControl(this.sim, 8000, 0);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		byte[] extra = new byte[320];
		java.util.Arrays.fill(extra, (byte) 5);
		open.call().sendCallerAudio(extra);
		await().atMost(TIMEOUT).until(() -> {
			byte[] frame = open.media().binaries.poll();
			return frame != null && frame[0] == 5;
		});
	}

	@Test
	void agentAudioSentOnPullsIsRecordedBitExact(@TempDir Path dir) throws Exception {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		byte[] sent = new byte[960 * 3];
		for (int i = 0; i < sent.length; i++) {
			sent[i] = (byte) (i % 251);
		}
		for (int i = 0; i < 3; i++) {
			open.media().await("audio.pull");
			open.media().sendBinary(java.util.Arrays.copyOfRange(sent, i * 960, (i + 1) * 960));
		}
		await().atMost(TIMEOUT).until(() -> open.call().record().agentAudioBytes() == sent.length);
		CallRecord record = open.call().record();
		assertThat(record.agentAudio()).isEqualTo(sent);
		assertThat(record.audioFrames()).hasSize(3);
		assertThat(record.protocolErrors()).isEmpty();
		await().atMost(TIMEOUT).until(() -> record.emptyPulls() > 0);
		Path wav = dir.resolve("agent.wav");
		record.writeAgentAudioWav(wav);
		byte[] file = Files.readAllBytes(wav);
		assertThat(file).hasSize(44 + sent.length);
		assertThat(java.util.Arrays.copyOfRange(file, 44, file.length)).isEqualTo(sent);
		assertThat(CallerAudio.wav(wav).render(24000)).isEqualTo(sent);
	}

	@Test
	void unpulledAudioIsDroppedAndRecordedAsProtocolError() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		open.media().sendBinary(new byte[960]);
		await().atMost(TIMEOUT).until(() -> !open.call().record().protocolErrors().isEmpty());
		assertThat(open.call().record().protocolErrors().get(0)).contains("unpulled");
		assertThat(open.call().record().agentAudioBytes()).isZero();
	}

	@Test
	void oddLengthAndOversizedAgentFramesAreDropped() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		open.media().await("audio.pull");
		open.media().sendBinary(new byte[3]);
		open.media().await("audio.pull");
		open.media().sendBinary(new byte[2000]);
		await().atMost(TIMEOUT).until(() -> open.call().record().protocolErrors().size() == 2);
		assertThat(open.call().record().protocolErrors()).anySatisfy((error) -> assertThat(error).contains("odd length"))
			.anySatisfy((error) -> assertThat(error).contains("exceeds"));
		assertThat(open.call().record().agentAudioBytes()).isZero();
	}

	@Test
	void commandsNotAllowedInTheStateAreRejectedWithInvalidState() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		open.media().send(command("c-1", "whisper"));
		JsonNode result = open.media().await("command.result");
		assertThat(result.path("ok").asBoolean()).isFalse();
		assertThat(result.path("error_code").asString()).isEqualTo("INVALID_STATE");
		open.media().send(command("c-2", "answer"));
		open.media().await("command.result");
		open.media().send(command("c-3", "answer"));
		assertThat(open.media().await("command.result").path("error_code").asString()).isEqualTo("INVALID_STATE");
		open.media().send(command("c-4", "fly"));
		assertThat(open.media().await("command.result").path("error_code").asString()).isEqualTo("INVALID_COMMAND");
		open.media().send("{\"type\":\"command\",\"id\":\"c-5\",\"name\":\"connect\",\"ring_time_seconds\":0}");
		assertThat(open.media().await("command.result").path("error_code").asString()).isEqualTo("INVALID_COMMAND");
		assertThat(open.call().record().commands()).extracting(RecordedCommand::errorCode)
			.containsExactly("INVALID_STATE", null, "INVALID_STATE", "INVALID_COMMAND", "INVALID_COMMAND");
	}

	@Test
	void connectWithAnsweringCalleeConnects() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control,
				CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ofMillis(50))).build());
		open.media().send("{\"type\":\"command\",\"id\":\"c-2\",\"name\":\"connect\",\"ring_time_seconds\":5}");
		JsonNode result = open.media().await((m) -> "c-2".equals(m.path("id").asString()), "connect result");
		assertThat(result.path("ok").asBoolean()).isTrue();
		assertThat(result.path("state").asString()).isEqualTo("CONNECTED");
		open.call().awaitState("CONNECTED", TIMEOUT);
		for (String mode : new String[] { "whisper", "spy", "barge" }) {
			open.media().send(command(mode, mode));
			assertThat(open.media().await((m) -> mode.equals(m.path("id").asString()), mode).path("ok").asBoolean()).isTrue();
		}
		assertThat(open.call().record().states()).containsExactly("PENDING", "ANSWERED", "CONNECTED");
		assertThat(open.call().record().commands().get(1).members()).containsEntry("ring_time_seconds", 5);
	}

	@Test
	void connectBeforeAnswerConnectsFromPending() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ZERO)).build());
		open.media().send(command("c-1", "connect"));
		assertThat(open.media().await("command.result").path("state").asString()).isEqualTo("CONNECTED");
		assertThat(open.media().await("call.state").path("previous").asString()).isEqualTo("PENDING");
		assertThat(open.media().await("audio.pull")).isNotNull();
	}

	@Test
	void connectToACalleeWhoNeverAnswersFailsWithCallUnansweredAndTheCallStays() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.builder().callee(CalleeBehaviour.neverAnswers()).build());
		open.media().send("{\"type\":\"command\",\"id\":\"c-2\",\"name\":\"connect\",\"ring_time_seconds\":1}");
		JsonNode result = open.media().await((m) -> "c-2".equals(m.path("id").asString()), "connect result");
		assertThat(result.path("error_code").asString()).isEqualTo("CALL_UNANSWERED");
		assertThat(open.call().state()).isEqualTo("ANSWERED");
	}

	@Test
	void connectToAFailingCalleeFailsWithConnectFailed() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.builder().callee(CalleeBehaviour.fails()).build());
		open.media().send(command("c-2", "connect"));
		JsonNode result = open.media().await((m) -> "c-2".equals(m.path("id").asString()), "connect result");
		assertThat(result.path("error_code").asString()).isEqualTo("CONNECT_FAILED");
		assertThat(open.call().state()).isEqualTo("ANSWERED");
	}

	@Test
	void calleeAnsweringAfterTheRingTimeIsUnanswered() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control,
				CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ofSeconds(30))).build());
		open.media().send("{\"type\":\"command\",\"id\":\"c-2\",\"name\":\"connect\",\"ring_time_seconds\":1}");
		assertThat(open.media().await((m) -> "c-2".equals(m.path("id").asString()), "result").path("error_code").asString())
			.isEqualTo("CALL_UNANSWERED");
	}

	@Test
	void disconnectSendsResultThenDisconnectedThenTerminatedThenCloses1000() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		open.media().send(command("c-2", "disconnect"));
		open.media().await((m) -> "c-2".equals(m.path("id").asString()), "disconnect result");
		JsonNode state = open.media().await("call.state");
		assertThat(state.path("state").asString()).isEqualTo("DISCONNECTED");
		assertThat(open.media().await("call.terminated").path("reason").asString()).isEqualTo("disconnected");
		assertThat(open.media().awaitClose()).isEqualTo(1000);
		assertThat(open.call().awaitEnded(TIMEOUT)).isEqualTo("disconnected");
		assertThat(open.call().record().endedAt()).isNotNull();
	}

	@Test
	void closeInPendingDeclinesTheCall() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		open.media().send(command("c-1", "close"));
		assertThat(open.media().await("command.result").path("ok").asBoolean()).isTrue();
		assertThat(open.media().await("call.terminated").path("reason").asString()).isEqualTo("closed");
		assertThat(open.call().awaitEnded(TIMEOUT)).isEqualTo("closed");
		assertThat(open.call().record().states()).containsExactly("PENDING", "DISCONNECTED");
	}

	@Test
	void callerHangingUpWhileRingingSendsCallEnded() {
		TestWebSocket control = readyControl(this.sim);
		SimulatedCall call = this.sim.placeCall(CallScript.builder().hangUpWhileRinging(Duration.ofMillis(100)).build());
		JsonNode incoming = control.await("call.incoming");
		JsonNode ended = control.await("call.ended");
		assertThat(ended.path("call_id").asString()).isEqualTo(incoming.path("call_id").asString());
		assertThat(ended.path("reason").asString()).isEqualTo("caller_hangup");
		assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("caller_hangup");
		assertThat(TestWebSocket.refusalStatus(incoming.path("media_url").asString(),
				SimulatorTestSupport.mediaHeaders(this.sim, incoming), null)).isEqualTo(404);
	}

	@Test
	void callerHangingUpWhileRingingWithMediaOpenTerminatesTheCall() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		open.call().hangUp();
		assertThat(open.media().await("call.terminated").path("reason").asString()).isEqualTo("caller_hangup");
		assertThat(open.media().awaitClose()).isEqualTo(1000);
	}

	@Test
	void scriptedHangUpAndDtmfFollowTheAnswer() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.builder()
			.dtmf(Duration.ofMillis(50), '7')
			.dtmf(Duration.ofMillis(100), '#')
			.hangUpAfter(Duration.ofMillis(300))
			.build());
		JsonNode first = open.media().await("call.dtmf");
		assertThat(first.path("digit").asString()).isEqualTo("7");
		assertThat(first.path("duration_ms").asInt()).isPositive();
		assertThat(open.media().await("call.dtmf").path("digit").asString()).isEqualTo("#");
		assertThat(open.media().await("call.terminated").path("reason").asString()).isEqualTo("caller_hangup");
		assertThat(open.call().awaitEnded(TIMEOUT)).isEqualTo("caller_hangup");
		assertThat(open.call().record().dtmfSent()).containsExactly('7', '#');
	}

	@Test
	void pressDigitSendsDtmfNow() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = answeredCall(this.sim, control, CallScript.defaults());
		open.call().pressDigit('5');
		assertThat(open.media().await("call.dtmf").path("digit").asString()).isEqualTo("5");
	}

	@Test
	void malformedMediaTextIsRecordedAndTheConnectionKept() {
		TestWebSocket control = readyControl(this.sim);
		OpenCall open = openCall(this.sim, control, CallScript.defaults());
		open.media().send("][");
		open.media().send("{\"type\":\"command\",\"name\":\"answer\"}");
		open.media().send(command("c-1", "answer"));
		assertThat(open.media().await("command.result").path("ok").asBoolean()).isTrue();
		assertThat(open.call().record().protocolErrors()).hasSize(2);
	}

	@Test
	void awaitStateFailsWithTheStatesSeen() {
		SimulatedCall call = this.sim.placeCall();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.awaitState("ANSWERED", Duration.ofMillis(50)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("[PENDING]");
	}

}
