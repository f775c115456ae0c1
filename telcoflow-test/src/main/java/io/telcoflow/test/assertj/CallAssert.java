package io.telcoflow.test.assertj;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.test.call.CallCommand;
import io.telcoflow.test.call.RecordedCall;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on a {@link RecordedCall}: its state, end reason, commands, the audio the
 * caller heard and the keys they pressed. Obtain one from {@link TelcoflowAssertions}.
 */
public class CallAssert extends AbstractAssert<CallAssert, RecordedCall> {

	CallAssert(RecordedCall actual) {
		super(actual, CallAssert.class);
	}

	/**
	 * Verifies the call's state.
	 * @param expected the state
	 * @return this
	 */
	public CallAssert hasState(CallState expected) {
		isNotNull();
		if (this.actual.state() != expected) {
			failWithMessage("Expected call %s to be %s but it was %s", this.actual.callId(), expected,
					this.actual.state());
		}
		return this;
	}

	/**
	 * Verifies that the call went through these states, in this order (others may come between).
	 * @param expected the states
	 * @return this
	 */
	public CallAssert wentThroughStates(CallState... expected) {
		isNotNull();
		Assertions.assertThat(this.actual.states()).as("states of call %s", this.actual.callId())
			.containsSubsequence(expected);
		return this;
	}

	/**
	 * Verifies that the call is over, for this reason.
	 * @param expected the reason
	 * @return this
	 */
	public CallAssert hasEndedWith(TerminationReason expected) {
		isNotNull();
		if (this.actual.endReason() != expected) {
			failWithMessage("Expected call %s to have ended with %s but %s", this.actual.callId(), expected,
					(this.actual.endReason() != null) ? "it ended with " + this.actual.endReason() : "it goes on");
		}
		return this;
	}

	/**
	 * Verifies that the call goes on.
	 * @return this
	 */
	public CallAssert isLive() {
		isNotNull();
		if (this.actual.endReason() != null) {
			failWithMessage("Expected call %s to go on but it ended with %s", this.actual.callId(),
					this.actual.endReason());
		}
		return this;
	}

	/**
	 * Verifies the names of the commands the application sent: exactly these, in this order.
	 * @param expected the names ({@code answer}, {@code connect}, ...)
	 * @return this
	 */
	public CallAssert hasCommands(String... expected) {
		isNotNull();
		Assertions.assertThat(this.actual.commandNames()).as("commands of call %s", this.actual.callId())
			.containsExactly(expected);
		return this;
	}

	/**
	 * Verifies that the application sent these commands in this order (others may come between).
	 * @param expected the names
	 * @return this
	 */
	public CallAssert hasCommandsInOrder(String... expected) {
		isNotNull();
		Assertions.assertThat(this.actual.commandNames()).as("commands of call %s", this.actual.callId())
			.containsSubsequence(expected);
		return this;
	}

	/**
	 * Verifies that a {@code connect} was sent with this ring time.
	 * @param ringTime the ring time
	 * @return this
	 */
	public CallAssert hasConnectedWithRingTime(Duration ringTime) {
		isNotNull();
		Assertions.assertThat(this.actual.commands()).as("connect commands of call %s", this.actual.callId())
			.filteredOn((command) -> command.name().equals("connect"))
			.extracting(CallCommand::ringTime)
			.contains(ringTime);
		return this;
	}

	/**
	 * Verifies that a command failed with this error code.
	 * @param command the command's name
	 * @param errorCode the code, such as {@code CALL_UNANSWERED}
	 * @return this
	 */
	public CallAssert hasFailedCommand(String command, String errorCode) {
		isNotNull();
		List<CallCommand> failed = this.actual.commands()
			.stream()
			.filter((candidate) -> candidate.name().equals(command) && !candidate.ok())
			.toList();
		if (failed.stream().noneMatch((candidate) -> errorCode.equals(candidate.errorCode()))) {
			failWithMessage("Expected '%s' to have failed with %s on call %s, but its commands were %s", command,
					errorCode, this.actual.callId(), this.actual.commands());
		}
		return this;
	}

	/**
	 * Verifies that every command succeeded.
	 * @return this
	 */
	public CallAssert hasNoFailedCommand() {
		isNotNull();
		Assertions.assertThat(this.actual.commands()).as("commands of call %s", this.actual.callId())
			.allMatch(CallCommand::ok, "succeeded");
		return this;
	}

	/**
	 * Verifies the audio the caller heard, byte for byte.
	 * @param expected PCM s16le mono
	 * @return this
	 */
	public CallAssert hasHeardAudio(byte[] expected) {
		isNotNull();
		if (!Arrays.equals(this.actual.heardAudio(), expected)) {
			failWithMessage("Expected the caller of call %s to have heard %d bytes of audio equal to the expected "
					+ "ones, but they heard %d bytes that differ", this.actual.callId(), expected.length,
					this.actual.heardAudio().length);
		}
		return this;
	}

	/**
	 * Verifies how much audio the caller heard.
	 * @param expected the number of bytes
	 * @return this
	 */
	public CallAssert hasHeardAudioBytes(long expected) {
		isNotNull();
		Assertions.assertThat((long) this.actual.heardAudio().length)
			.as("bytes of audio the caller of call %s heard", this.actual.callId())
			.isEqualTo(expected);
		return this;
	}

	/**
	 * Verifies that the caller heard nothing.
	 * @return this
	 */
	public CallAssert hasHeardNoAudio() {
		return hasHeardAudioBytes(0);
	}

	/**
	 * Verifies the keys the caller pressed, in order.
	 * @param expected the keys
	 * @return this
	 */
	public CallAssert hasPressed(Character... expected) {
		isNotNull();
		Assertions.assertThat(this.actual.dtmfSent()).as("keys the caller of call %s pressed", this.actual.callId())
			.containsExactly(expected);
		return this;
	}

}
