package io.telcoflow.test.scenario;

import java.time.Duration;
import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.test.assertj.TelcoflowAssertions;
import io.telcoflow.test.call.RecordedCall;
import io.telcoflow.test.container.RemoteSimulatedCall;
import io.telcoflow.test.container.TelcoflowSimulatorContainer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same handler test against every kind of simulator: a subclass says which one the
 * application is connected to.
 */
abstract class FrontDeskScenario {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	private FrontDesk frontDesk;

	abstract Simulator simulator();

	@Test
	void handlerTakesACallEndToEnd() {
		simulator().awaitReadySessions(1, WAIT);

		Call call = simulator().placeCall(
				CallScript.builder().callerNumber("+441632960123").hangUpAfter(Duration.ofMillis(600)).build());

		call.awaitEnded(WAIT);
		TelcoflowAssertions.assertThat(call.recorded())
			.hasEndedWith(TerminationReason.CALLER_HANGUP)
			.hasCommandsInOrder("answer")
			.hasNoFailedCommand()
			.wentThroughStates(CallState.PENDING, CallState.ANSWERED, CallState.DISCONNECTED)
			.hasHeardAudio(FrontDesk.GREETING);
		assertThat(this.frontDesk.callers).contains("+441632960123");
	}

	/**
	 * What the scenario needs of a simulator.
	 */
	interface Simulator {

		void awaitReadySessions(int count, Duration timeout);

		Call placeCall(CallScript script);

		static Simulator of(TelcoflowSimulator simulator) {
			return new Simulator() {

				@Override
				public void awaitReadySessions(int count, Duration timeout) {
					simulator.awaitReadySessions(count, timeout);
				}

				@Override
				public Call placeCall(CallScript script) {
					return Call.of(simulator.placeCall(script));
				}

			};
		}

		static Simulator of(TelcoflowSimulatorContainer container) {
			return new Simulator() {

				@Override
				public void awaitReadySessions(int count, Duration timeout) {
					container.awaitReadySessions(count, timeout);
				}

				@Override
				public Call placeCall(CallScript script) {
					return Call.of(container.placeCall(script));
				}

			};
		}

	}

	/**
	 * What the scenario needs of a call: waiting for its end, and a typed snapshot, the same type
	 * for both simulators.
	 */
	interface Call {

		String awaitEnded(Duration timeout);

		RecordedCall recorded();

		static Call of(SimulatedCall call) {
			return new Call() {

				@Override
				public String awaitEnded(Duration timeout) {
					return call.awaitEnded(timeout);
				}

				@Override
				public RecordedCall recorded() {
					return RecordedCall.of(call);
				}

			};
		}

		static Call of(RemoteSimulatedCall call) {
			return new Call() {

				@Override
				public String awaitEnded(Duration timeout) {
					return call.awaitEnded(timeout);
				}

				@Override
				public RecordedCall recorded() {
					return RecordedCall.of(call);
				}

			};
		}

	}

}
