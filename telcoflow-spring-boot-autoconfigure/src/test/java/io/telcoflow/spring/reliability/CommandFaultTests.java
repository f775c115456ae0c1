package io.telcoflow.spring.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Command results delayed past the command timeout, and commands rejected with each error code of
 * the protocol: the handler gets the specific exception, the call stays usable, and a result that
 * arrives after the timeout is dropped (neither a second completion nor a protocol error).
 */
class CommandFaultTests {

	@RegisterExtension
	static final RunningApplication application = new RunningApplication(TestApplication.class,
			"telcoflow.command-timeout=2s");

	private static final TelcoflowSimulator simulator = application.simulator();

	@Test
	void resultDelayedPastTheTimeoutFailsTheCommandAndTheLateResultIsDropped() {
		Commands commands = application.context().getBean(Commands.class);
		// well past the timeout, counted from the server's receipt, which follows the client's send
		simulator.faults().delayCommandResults(Duration.ofSeconds(5));
		SimulatedCall call = simulator.placeCall(ReliabilityApplications.talkingCaller());
		await().atMost(WAIT).untilAsserted(() -> assertThat(Answering.failures).extractingByKey(call.callId())
			.isInstanceOf(WssCallCommandTimeoutException.class));
		simulator.faults().delayCommandResults(Duration.ZERO);
		// the server did answer: its late result and state arrive after the timeout
		call.awaitState("ANSWERED", WAIT);
		await().atMost(WAIT).until(() -> call.record().agentAudioBytes() >= 960);
		// the late result came before the state change on the same connection, so it has been read;
		// the end of the call is reported after anything that result could have caused
		call.hangUp();
		await().atMost(WAIT).until(() -> commands.ended.contains(call.callId()));
		assertThat(commands.completed(call.callId())).containsExactly("answer TIMEOUT");
		assertThat(commands.protocolErrors).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CALL_UNANSWERED", "CONNECT_FAILED", "INVALID_STATE", "INVALID_COMMAND",
			"CALL_NOT_FOUND", "INTERNAL_ERROR" })
	void rejectedCommandFailsWithItsErrorCodeAndTheCallStaysAsItWas(String errorCode) {
		simulator.faults().rejectNextCommand("answer", errorCode);
		SimulatedCall call = simulator.placeCall(ReliabilityApplications.talkingCaller());
		await().atMost(WAIT).untilAsserted(() -> assertThat(Answering.failures).extractingByKey(call.callId())
			.isInstanceOfSatisfying(WssCallCommandException.class,
					(ex) -> assertThat(ex.errorCode()).isEqualTo(errorCode)));
		assertThat(Answering.stateAfterFailure).containsEntry(call.callId(), CallState.PENDING);
		// the handler answers again: the call was left usable
		call.awaitState("ANSWERED", WAIT);
		assertThat(call.isEnded()).isFalse();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Answering.class, Commands.class })
	static class TestApplication {

	}

	static class Answering {

		static final Map<String, Exception> failures = new ConcurrentHashMap<>();

		static final Map<String, CallState> stateAfterFailure = new ConcurrentHashMap<>();

		@OnIncomingCall
		void answer(ActiveCall call) {
			try {
				call.answer();
			}
			catch (WssCallCommandTimeoutException ex) {
				failures.put(call.getCallId(), ex);
			}
			catch (WssCallCommandException ex) {
				stateAfterFailure.put(call.getCallId(), call.getState());
				failures.put(call.getCallId(), ex);
				call.answer();
			}
			await().atMost(WAIT).until(() -> call.getState() == CallState.ANSWERED);
			call.sendAudio(new byte[960]);
			for (byte[] chunk : call.audioStream()) {
				// listen until the caller hangs up
			}
		}

	}

	static class Commands implements TelcoflowClientListener {

		final Map<String, List<String>> completed = new ConcurrentHashMap<>();

		final AtomicInteger protocolErrors = new AtomicInteger();

		final Set<String> ended = ConcurrentHashMap.newKeySet();

		@Override
		public void onCallEnded(ActiveCall call, TerminationReason reason, Duration duration) {
			this.ended.add(call.getCallId());
		}

		@Override
		public void onCommandCompleted(ActiveCall call, String command, Duration latency, @Nullable String errorCode) {
			record(call, command + " " + ((errorCode != null) ? errorCode : "SUCCESS"));
		}

		@Override
		public void onProtocolError(@Nullable ActiveCall call, String description) {
			this.protocolErrors.incrementAndGet();
		}

		List<String> completed(String callId) {
			return this.completed.getOrDefault(callId, List.of());
		}

		private void record(ActiveCall call, String entry) {
			this.completed.computeIfAbsent(call.getCallId(), (id) -> new CopyOnWriteArrayList<>()).add(entry);
		}

	}

}
