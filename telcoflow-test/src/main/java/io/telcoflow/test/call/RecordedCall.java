package io.telcoflow.test.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.simulator.RecordedCommand;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.test.container.RemoteCallRecord;
import io.telcoflow.test.container.RemoteSimulatedCall;
import org.jspecify.annotations.Nullable;

/**
 * What happened on one call, typed, whichever double served it: a {@link TestActiveCall}, the
 * embedded simulator's {@link SimulatedCall} or a containerised simulator's
 * {@link RemoteSimulatedCall}. The AssertJ assertions of {@code io.telcoflow.test.assertj} read it.
 *
 * @param callId the call's id
 * @param state the call's state when the snapshot was taken
 * @param endReason why the call ended, {@code null} while it goes on
 * @param commands the commands the application sent, in order, with their results
 * @param states the states the call went through, starting with {@code PENDING}
 * @param heardAudio every byte of audio the caller heard from the application
 * @param dtmfSent the keys the caller pressed, in order
 */
public record RecordedCall(String callId, CallState state, @Nullable TerminationReason endReason,
		List<CallCommand> commands, List<CallState> states, byte[] heardAudio, List<Character> dtmfSent) {

	/**
	 * Takes a snapshot of a call of the embedded simulator.
	 * @param call the call
	 * @return the snapshot
	 */
	public static RecordedCall of(SimulatedCall call) {
		io.telcoflow.simulator.CallRecord record = call.record();
		return new RecordedCall(call.callId(), state(call.state()), endReason(call.endReason()),
				commands(record.commands()), states(record.states()), record.agentAudio(), record.dtmfSent());
	}

	/**
	 * Takes a snapshot of a call of a containerised simulator (two requests to its control API).
	 * @param call the call
	 * @return the snapshot
	 */
	public static RecordedCall of(RemoteSimulatedCall call) {
		RemoteCallRecord record = call.record();
		CallState state = record.states().isEmpty() ? CallState.PENDING
				: state(record.states().get(record.states().size() - 1));
		return new RecordedCall(call.callId(), state, endReason(record.endReason()), commands(record.commands()),
				states(record.states()), call.agentAudio(), record.dtmfSent());
	}

	/**
	 * Takes a snapshot of a test double.
	 * @param call the call
	 * @return the snapshot
	 */
	public static RecordedCall of(TestActiveCall call) {
		return call.recorded();
	}

	/**
	 * Returns the names of the commands, in order.
	 * @return the names
	 */
	public List<String> commandNames() {
		return this.commands.stream().map(CallCommand::name).toList();
	}

	/**
	 * Maps a state as the simulator and the wire name it ({@code ANSWERED}).
	 * @param state the state's name
	 * @return the state
	 */
	public static CallState state(String state) {
		return CallState.valueOf(state.toUpperCase(Locale.ROOT));
	}

	/**
	 * Maps an end reason as the simulator and the wire name it ({@code caller_hangup}).
	 * @param reason the reason's name, or {@code null}
	 * @return the reason, or {@code null}
	 */
	public static @Nullable TerminationReason endReason(@Nullable String reason) {
		return (reason != null) ? TerminationReason.valueOf(reason.toUpperCase(Locale.ROOT)) : null;
	}

	private static List<CallState> states(List<String> states) {
		return states.stream().map(RecordedCall::state).toList();
	}

	private static List<CallCommand> commands(List<RecordedCommand> recorded) {
		List<CallCommand> commands = new ArrayList<>();
		for (RecordedCommand command : recorded) {
			Object ringTime = command.members().get("ring_time_seconds");
			commands.add(new CallCommand(command.name(),
					(ringTime instanceof Number seconds) ? Duration.ofSeconds(seconds.longValue()) : null,
					command.ok(), command.errorCode()));
		}
		return List.copyOf(commands);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof RecordedCall that && this.callId.equals(that.callId)
				&& this.state == that.state && this.endReason == that.endReason
				&& this.commands.equals(that.commands) && this.states.equals(that.states)
				&& java.util.Arrays.equals(this.heardAudio, that.heardAudio) && this.dtmfSent.equals(that.dtmfSent));
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(this.callId, this.state, this.endReason, this.commands, this.states,
				java.util.Arrays.hashCode(this.heardAudio), this.dtmfSent);
	}

	@Override
	public String toString() {
		return "RecordedCall[" + this.callId + ", state=" + this.state + ", endReason=" + this.endReason + ", commands="
				+ this.commands + ", states=" + this.states + ", heardAudio=" + this.heardAudio.length
				+ " bytes, dtmfSent=" + this.dtmfSent + "]";
	}

}
