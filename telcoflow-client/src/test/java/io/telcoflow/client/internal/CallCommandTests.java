package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.CalleeBehaviour;
import io.telcoflow.simulator.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Call commands, states and call events against the simulator, over {@code ws://}, {@code wss://} and mTLS.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(WireTransport.class)
class CallCommandTests {

	private final SimulatorFixture fixture;

	CallCommandTests(WireTransport transport) {
		this.fixture = new SimulatorFixture(transport);
	}

	private final RecordingClientListener clientListener = new RecordingClientListener();

	private final RecordingCallListener callListener = new RecordingCallListener();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	private ActiveCall offer(CallScript script) throws InterruptedException {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(this.fixture.config().build(), this.clientListener,
				(call) -> {
				});
		this.fixture.simulator.placeCall(script);
		ActiveCall call = SimulatorFixture.take(calls);
		call.addListener(this.callListener);
		return call;
	}

	private SimulatedCall simulated(ActiveCall call) {
		return this.fixture.simulator.call(call.getCallId());
	}

	@Test
	void handlerGetsPendingCallWithNumbersAndOpenMedia() throws Exception {
		ActiveCall call = offer(CallScript.builder().callerNumber("+441632960123").calleeNumber(null).build());
		assertThat(call.getState()).isEqualTo(CallState.PENDING);
		assertThat(call.getCallerNumber()).isEqualTo("+441632960123");
		assertThat(call.getCalleeNumber()).isNull();
		assertThat(call.getSampleRate()).isEqualTo(24000);
		assertThat(call.getOfferedAt()).isNotNull();
		assertThat(simulated(call).isMediaOpen()).isTrue();
		assertThat(this.fixture.lastClient().getCall(call.getCallId())).contains(call);
		assertThat(this.fixture.lastClient().getActiveCalls()).containsExactly(call);
		await().untilAsserted(() -> assertThat(this.clientListener.started).containsExactly(call.getCallId()));
		await().untilAsserted(() -> assertThat(this.clientListener.handlersStarted.get()).isEqualTo(1));
		assertThat(call.toString()).doesNotContain(simulated(call).mediaToken());
		// client events never run on a socket's reader thread
		assertThat(this.clientListener.eventThreads).isNotEmpty().allMatch((name) -> name.startsWith("telcoflow-event-"));
	}

	@Test
	void answerMovesPendingCallToAnsweredAndRaisesAnswered() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		call.answer();
		assertThat(call.getState()).isEqualTo(CallState.ANSWERED);
		simulated(call).awaitState("ANSWERED", SimulatorFixture.WAIT);
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("answered"));
		assertThat(this.callListener.threads).allMatch((name) -> name.startsWith("telcoflow-event-"));
		await().untilAsserted(() -> assertThat(this.clientListener.commands).containsExactly("answer:ok"));
	}

	@Test
	void connectAfterAnswerMovesToConnectedThenBargeWhisperSpyKeepConnected() throws Exception {
		ActiveCall call = offer(CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ofMillis(200))).build());
		call.answer();
		call.connect(Duration.ofSeconds(5));
		assertThat(call.getState()).isEqualTo(CallState.CONNECTED);
		call.whisper();
		call.spy();
		call.bargeAsync().get();
		call.whisperAsync().get();
		call.spyAsync().get();
		call.barge();
		assertThat(call.getState()).isEqualTo(CallState.CONNECTED);
		assertThat(simulated(call).record().commandNames()).containsExactly("answer", "connect", "whisper", "spy",
				"barge", "whisper", "spy", "barge");
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("answered", "connected"));
	}

	@Test
	void connectBeforeAnswerMovesPendingToConnected() throws Exception {
		ActiveCall call = offer(CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ZERO)).build());
		call.connectAsync(Duration.ofSeconds(3)).get();
		assertThat(call.getState()).isEqualTo(CallState.CONNECTED);
	}

	@Test
	void unansweredConnectFailsWithCallUnansweredAndLeavesTheState() throws Exception {
		ActiveCall call = offer(CallScript.builder().callee(CalleeBehaviour.neverAnswers()).build());
		call.answer();
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(() -> call.connect(Duration.ofSeconds(1)))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(WssCallCommandException.CALL_UNANSWERED);
				assertThat(ex.command()).isEqualTo("connect");
				assertThat(ex.errorMessage()).isNotEmpty();
			});
		assertThat(call.getState()).isEqualTo(CallState.ANSWERED);
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("answered",
				"connectFailed:CALL_UNANSWERED"));
		await().untilAsserted(() -> assertThat(this.clientListener.errorsOfType(WssCallCommandException.class)).isEqualTo(1));
		call.disconnect();
	}

	@Test
	void connectToUnreachableCalleeFailsWithConnectFailed() throws Exception {
		ActiveCall call = offer(CallScript.builder().callee(CalleeBehaviour.fails()).build());
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(call::connect)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(WssCallCommandException.CONNECT_FAILED));
		assertThat(call.getState()).isEqualTo(CallState.PENDING);
	}

	@Test
	void ringTimeOutsideOneToSixHundredSecondsIsRejected() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		assertThatIllegalArgumentException().isThrownBy(() -> call.connect(Duration.ZERO)).withMessageContaining("1 s");
		assertThatIllegalArgumentException().isThrownBy(() -> call.connectAsync(Duration.ofSeconds(601)));
		assertThat(simulated(call).record().commands()).isEmpty();
	}

	@Test
	void rejectedAnswerRaisesAnswerFailedAndKeepsPending() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		this.fixture.simulator.faults().rejectNextCommand("answer", "INTERNAL_ERROR");
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(call::answer)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INTERNAL_ERROR"));
		assertThat(call.getState()).isEqualTo(CallState.PENDING);
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("answerFailed:INTERNAL_ERROR"));
	}

	@Test
	void commandNotAllowedInStateFailsWithInvalidState() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(call::whisper)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(WssCallCommandException.INVALID_STATE));
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("error:WssCallCommandException"));
	}

	@Test
	void commandWithoutResultInTimeFailsWithTimeoutAndLateResultIsDropped() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		this.fixture.simulator.faults().delayCommandResults(Duration.ofMillis(2500));
		assertThatExceptionOfType(WssCallCommandTimeoutException.class).isThrownBy(call::answer);
		await().untilAsserted(() -> assertThat(this.clientListener.commands).containsExactly("answer:TIMEOUT"));
		this.fixture.simulator.faults().delayCommandResults(Duration.ZERO);
		// the late result still moves the call on the server; the client drops it without a protocol error
		simulated(call).awaitState("ANSWERED", SimulatorFixture.WAIT);
		await().until(() -> call.getState() == CallState.ANSWERED);
		assertThat(this.clientListener.protocolErrors).isEmpty();
		await().untilAsserted(() -> assertThat(this.callListener.events).contains("error:WssCallCommandTimeoutException"));
	}

	@Test
	void disconnectEndsTheCallOnceAndLaterOperationsFailAtOnce() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		call.answer();
		call.sendAudio(new byte[960]);
		call.disconnect();
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.DISCONNECTED);
		assertThat(call.getState()).isEqualTo(CallState.DISCONNECTED);
		assertThat(simulated(call).awaitEnded(SimulatorFixture.WAIT)).isEqualTo("disconnected");
		int commandsBefore = simulated(call).record().commands().size();
		assertThatExceptionOfType(WssCallClosedException.class).isThrownBy(call::answer);
		assertThatExceptionOfType(WssCallClosedException.class).isThrownBy(call::close);
		assertThatExceptionOfType(WssCallClosedException.class).isThrownBy(call::disconnect);
		assertThat(call.spyAsync()).isCompletedExceptionally();
		assertThatExceptionOfType(BufferClosedException.class).isThrownBy(() -> call.sendAudio(new byte[2]));
		assertThat(simulated(call).record().commands()).hasSize(commandsBefore);
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("answered",
				"terminated:DISCONNECTED"));
		await().untilAsserted(() -> assertThat(this.clientListener.ended).containsExactly(TerminationReason.DISCONNECTED));
		assertThat(this.fixture.lastClient().getCall(call.getCallId())).isEmpty();
		call.audioStream().forEach((chunk) -> assertThat(chunk).isNotEmpty());
		assertThat(call.audioStream().isEnded()).isTrue();
		assertThat(call.audioStream().iterator().hasNext()).isFalse();
		assertThat(call.audioStream().poll(Duration.ofMillis(10))).isNull();
	}

	@Test
	void closeAfterAnswerEndsTheCallWithClosed() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		call.answer();
		call.closeAsync().get();
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.CLOSED);
	}

	@Test
	void disconnectInPendingDeclinesTheCall() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		call.disconnect();
		assertThat(call.terminationFuture().get()).isIn(TerminationReason.DISCONNECTED, TerminationReason.CLOSED);
		assertThat(simulated(call).isEnded()).isTrue();
	}

	@Test
	void callerHangupTerminatesOnceAndEndsTheAudioStreamAndPlayback() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		call.answer();
		call.sendAudio(new byte[96_000]);
		CompletableFuture<Void> playback = call.playbackFuture();
		simulated(call).hangUp();
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.CALLER_HANGUP);
		await().until(playback::isDone);
		assertThat(playback).isCompletedExceptionally();
		assertThatExceptionOfType(WssCallClosedException.class).isThrownBy(() -> call.awaitPlayback(Duration.ofSeconds(1)));
		assertThat(call.getSendAudioBufferSize()).isZero();
		call.clearSendAudioBuffer();
		await().untilAsserted(() -> assertThat(this.callListener.events).containsExactly("answered",
				"terminated:CALLER_HANGUP"));
		RecordingCallListener late = new RecordingCallListener();
		call.addListener(late);
		await().untilAsserted(() -> assertThat(late.events).containsExactly("terminated:CALLER_HANGUP"));
	}

	@Test
	void dtmfReachesCallListeners() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		call.answer();
		simulated(call).pressDigit('5');
		simulated(call).pressDigit('#');
		await().untilAsserted(() -> assertThat(this.callListener.dtmf).extracting((event) -> event.digit())
			.containsExactly('5', '#'));
		assertThat(this.callListener.dtmf.get(0).duration()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void sendAudioRejectsOddLengthAndIgnoresEmpty() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		assertThatIllegalArgumentException().isThrownBy(() -> call.sendAudio(new byte[3]));
		call.sendAudio(new byte[0]);
		call.sendAudio(java.nio.ByteBuffer.allocateDirect(4));
		assertThat(call.getSendAudioBufferSize()).isEqualTo(4);
		assertThat(call.awaitPlayback(Duration.ofMillis(50))).isFalse();
	}

	@Test
	void bufferFullRaisesBufferFullExceptionAndKeepsWhatFits() throws Exception {
		BlockingQueue<ActiveCall> calls = this.fixture.readyClient(
				this.fixture.config().outgoingBufferSize(4000).build(), this.clientListener, (call) -> {
				});
		this.fixture.simulator.placeCall(CallScript.defaults());
		ActiveCall call = SimulatorFixture.take(calls);
		call.sendAudio(new byte[3000]);
		assertThatExceptionOfType(io.telcoflow.client.exception.BufferFullException.class)
			.isThrownBy(() -> call.sendAudio(new byte[2000]));
		assertThat(call.getSendAudioBufferSize()).isEqualTo(3000);
		await().untilAsserted(() -> assertThat(this.clientListener.errorsOfType(io.telcoflow.client.exception.BufferFullException.class))
			.isEqualTo(1));
	}

	@Test
	void toJsonHoldsWhatAnotherProcessNeedsToTakeOver() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		String json = call.toJson();
		assertThat(json).contains(call.getCallId(), simulated(call).mediaToken(), "media_url", "sample_rate",
				"caller_number");
	}

	@Test
	void closeWhenConnectedLetsTheAgentLeave() throws Exception {
		ActiveCall call = offer(CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ZERO)).build());
		call.answer();
		call.connect(Duration.ofSeconds(2));
		call.close();
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.CLOSED);
		assertThat(simulated(call).record().commandNames()).containsExactly("answer", "connect", "close");
	}

	@Test
	void disconnectWhenConnectedEndsTheCallForEveryone() throws Exception {
		ActiveCall call = offer(CallScript.builder().callee(CalleeBehaviour.answersAfter(Duration.ZERO)).build());
		call.connectAsync(Duration.ofSeconds(2)).get();
		call.disconnectAsync().get();
		assertThat(call.terminationFuture().get()).isEqualTo(TerminationReason.DISCONNECTED);
		assertThat(simulated(call).awaitEnded(SimulatorFixture.WAIT)).isEqualTo("disconnected");
	}

	@Test
	void callThatBuffersNothingHoldsNoBufferMemoryAndReleasesItAtTheEnd() throws Exception {
		DefaultActiveCall call = (DefaultActiveCall) offer(CallScript.defaults());
		call.answer();
		assertThat(call.buffer().retainedBytes()).isZero();
		call.sendAudio(new byte[200_000]);
		assertThat(call.buffer().retainedBytes()).isBetween(200_000L, 220_000L);
		simulated(call).hangUp();
		call.terminationFuture().get();
		assertThat(call.buffer().retainedBytes()).isZero();
	}

	@Test
	void audioBeforeAnswerIsAProtocolErrorAndDropped() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		this.fixture.simulator.faults().sendMediaBinary(call.getCallId(), new byte[960]);
		await().until(() -> this.clientListener.protocolErrors.size() == 1);
		assertThat(this.clientListener.protocolErrors.get(0)).contains("PENDING");
		assertThat(call.audioStream().poll(Duration.ZERO)).isNull();
		call.answer();
	}

	@Test
	void removedListenerHearsNothingMore() throws Exception {
		ActiveCall call = offer(CallScript.defaults());
		RecordingCallListener removed = new RecordingCallListener();
		call.addListener(removed);
		call.removeListener(removed);
		call.answer();
		call.disconnect();
		call.terminationFuture().get();
		await().untilAsserted(() -> assertThat(this.callListener.events).contains("terminated:DISCONNECTED"));
		assertThat(removed.events).isEmpty();
	}

}
