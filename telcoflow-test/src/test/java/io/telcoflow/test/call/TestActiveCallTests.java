package io.telcoflow.test.call;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallListener;
import io.telcoflow.client.CallState;
import io.telcoflow.client.DtmfEvent;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import org.junit.jupiter.api.Test;

import static io.telcoflow.test.assertj.TelcoflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TestActiveCall}: a handler unit-tested without sockets, and the assertions on
 * what it did.
 */
class TestActiveCallTests {

	static final byte[] HELLO = { 1, 2, 3, 4 };

	static final byte[] GREETING = { 9, 8, 7, 6, 5, 4 };

	/** A handler as an application writes it: greet, echo what the caller says, hang up on '#'. */
	static void echoDesk(ActiveCall call) {
		call.addListener(new CallListener() {

			@Override
			public void onDtmf(ActiveCall c, DtmfEvent dtmf) {
				if (dtmf.digit() == '#') {
					c.disconnect();
				}
			}

		});
		call.answer();
		call.sendAudio(GREETING);
		for (byte[] chunk : call.audioStream()) {
			call.sendAudio(chunk);
		}
	}

	@Test
	void handlerAudioLoopEndsWhenTheCallerHangsUpAfterTheirAudio() {
		TestActiveCall call = TestActiveCall.builder().callerAudio(HELLO, HELLO).hangUpAfterCallerAudio().build();
		echoDesk(call);
		assertThat(call).hasEndedWith(TerminationReason.CALLER_HANGUP)
			.hasCommands("answer")
			.wentThroughStates(CallState.PENDING, CallState.ANSWERED, CallState.DISCONNECTED)
			.hasHeardAudio(new byte[] { 9, 8, 7, 6, 5, 4, 1, 2, 3, 4, 1, 2, 3, 4 });
	}

	@Test
	void keyPressedByTheCallerReachesTheHandlersListener() throws Exception {
		TestActiveCall call = TestActiveCall.pending();
		Thread handler = new Thread(() -> echoDesk(call));
		handler.start();
		org.awaitility.Awaitility.await().until(() -> call.getState() == CallState.ANSWERED);
		call.pressDigit('#');
		handler.join(10_000);
		assertThat(handler.isAlive()).isFalse();
		assertThat(call).hasEndedWith(TerminationReason.DISCONNECTED)
			.hasCommands("answer", "disconnect")
			.hasPressed('#')
			.hasHeardAudio(GREETING);
	}

	@Test
	void commandTheStateDoesNotAllowIsRejectedAndRecorded() {
		TestActiveCall call = TestActiveCall.pending();
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(call::barge)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(WssCallCommandException.INVALID_STATE));
		assertThat(call).hasState(CallState.PENDING).isLive().hasFailedCommand("barge", "INVALID_STATE");
	}

	@Test
	void scriptedRejectionFailsTheNextCommandAndLeavesTheStateAsItWas() {
		TestActiveCall call = TestActiveCall.pending().rejectNext("connect", WssCallCommandException.CALL_UNANSWERED);
		call.answer();
		assertThatExceptionOfType(WssCallCommandException.class).isThrownBy(() -> call.connect(Duration.ofSeconds(20)));
		call.connect(Duration.ofSeconds(30));
		assertThat(call).hasState(CallState.CONNECTED)
			.hasCommands("answer", "connect", "connect")
			.hasFailedCommand("connect", "CALL_UNANSWERED")
			.hasConnectedWithRingTime(Duration.ofSeconds(30));
	}

	@Test
	void afterTheCallEndsCommandsAndAudioFailAsOnARealCall() {
		TestActiveCall call = TestActiveCall.pending();
		call.answer();
		call.hangUp();
		assertThatExceptionOfType(WssCallClosedException.class).isThrownBy(call::disconnect);
		assertThatExceptionOfType(BufferClosedException.class).isThrownBy(() -> call.sendAudio(HELLO));
		assertThat(call.terminationFuture()).isCompletedWithValue(TerminationReason.CALLER_HANGUP);
		assertThat(call.audioStream().poll(Duration.ZERO)).isNull();
		assertThat(call.audioStream().isEnded()).isTrue();
	}

	@Test
	void manualPlaybackKeepsAudioBufferedUntilPlayedOrCleared() {
		TestActiveCall call = TestActiveCall.builder().manualPlayback().bufferCapacity(8).build();
		call.answer();
		call.sendAudio(GREETING);
		assertThat(call.getSendAudioBufferSize()).isEqualTo(6);
		assertThat(call.awaitPlayback(Duration.ZERO)).isFalse();
		assertThatExceptionOfType(BufferFullException.class).isThrownBy(() -> call.sendAudio(HELLO));
		call.clearSendAudioBuffer();
		assertThat(call.awaitPlayback(Duration.ZERO)).isTrue();
		call.sendAudio(HELLO);
		call.play();
		assertThat(call.clears()).isEqualTo(1);
		assertThat(call).hasHeardAudio(HELLO);
	}

	@Test
	void audioListenerGetsTheCallersAudioInsteadOfTheStream() {
		TestActiveCall call = TestActiveCall.pending();
		List<byte[]> heard = new CopyOnWriteArrayList<>();
		call.setAudioListener(heard::add);
		call.answer();
		call.sendCallerAudio(HELLO);
		assertThat(heard).containsExactly(HELLO);
		assertThat(call.audioStream().poll(Duration.ZERO)).isNull();
	}

	@Test
	void failedAssertionSaysWhatHappened() {
		TestActiveCall call = TestActiveCall.pending();
		call.answer();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(call).hasEndedWith(TerminationReason.DISCONNECTED))
			.withMessageContaining("to have ended with DISCONNECTED but it goes on");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(call).hasCommands("answer", "disconnect"));
	}

	@Test
	void simulatorNamesMapToTypedStatesAndEndReasons() {
		assertThat(RecordedCall.state("ANSWERED")).isEqualTo(CallState.ANSWERED);
		assertThat(RecordedCall.endReason("caller_hangup")).isEqualTo(TerminationReason.CALLER_HANGUP);
		assertThat(RecordedCall.endReason(null)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> RecordedCall.state("RINGING"));
	}

}
