package io.telcoflow.test.assertj;

import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.call.RecordedCall;
import io.telcoflow.test.call.TestActiveCall;
import io.telcoflow.test.container.RemoteSimulatedCall;

/**
 * Entry points of the AssertJ assertions on calls. Each takes a snapshot of the call
 * ({@link RecordedCall}) when it is called; to wait for a call to reach a state first, use the
 * call's own {@code awaitState} / {@code awaitEnded} or Awaitility's {@code untilAsserted}.
 * <pre class="code">
 * import static io.telcoflow.test.assertj.TelcoflowAssertions.assertThat;
 *
 * assertThat(call).hasEndedWith(TerminationReason.DISCONNECTED)
 *     .hasCommands("answer", "disconnect")
 *     .hasHeardAudio(greeting);
 * </pre>
 */
public final class TelcoflowAssertions {

	private TelcoflowAssertions() {
	}

	/**
	 * Assertions on a test double of a call.
	 * @param call the call
	 * @return the assertions
	 */
	public static CallAssert assertThat(TestActiveCall call) {
		return new CallAssert(RecordedCall.of(call));
	}

	/**
	 * Assertions on a call of the embedded simulator.
	 * @param call the call
	 * @return the assertions
	 */
	public static CallAssert assertThat(SimulatedCall call) {
		return new CallAssert(RecordedCall.of(call));
	}

	/**
	 * Assertions on a call of a containerised simulator.
	 * @param call the call
	 * @return the assertions
	 */
	public static CallAssert assertThat(RemoteSimulatedCall call) {
		return new CallAssert(RecordedCall.of(call));
	}

	/**
	 * Assertions on a snapshot of a call.
	 * @param call the snapshot
	 * @return the assertions
	 */
	public static CallAssert assertThat(RecordedCall call) {
		return new CallAssert(call);
	}

}
