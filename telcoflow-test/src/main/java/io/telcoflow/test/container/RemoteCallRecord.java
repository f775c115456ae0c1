package io.telcoflow.test.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.telcoflow.simulator.CallRecord;
import io.telcoflow.simulator.RecordedCommand;
import org.jspecify.annotations.Nullable;

/**
 * What the application did on a call of a containerised simulator: a snapshot of the simulator's
 * {@link CallRecord}, taken when it was read. The agent's audio itself is read with
 * {@link RemoteSimulatedCall#agentAudio()}. For typed states, end reasons and commands shared with
 * the embedded simulator, take an {@link io.telcoflow.test.call.RecordedCall#of(RemoteSimulatedCall)
 * RecordedCall}.
 *
 * @param commands the commands the application sent, in the order their results were decided
 * @param states the call's states, in order, starting with {@code PENDING}
 * @param agentAudioBytes how many bytes of audio the application sent
 * @param pulls how many audio pulls the simulator made
 * @param emptyPulls how many of those found no audio
 * @param callerFrames how many caller audio frames were sent to the application
 * @param dtmfSent the keys the caller pressed, in order (the same type as the embedded
 * simulator's {@code CallRecord.dtmfSent()})
 * @param offeredTo the sessions the call was offered to, in order
 * @param mediaConnections how many media connections were opened for the call
 * @param offeredAt when the call was first offered, {@code null} before
 * @param mediaOpenedAt when the media connection first opened, {@code null} before
 * @param endedAt when the call ended, {@code null} while it goes on
 * @param endReason why the call ended, {@code null} while it goes on
 * @param protocolErrors what the application did wrong on this call, in order
 * @param sampleRate the call's sample rate
 */
public record RemoteCallRecord(List<RecordedCommand> commands, List<String> states, long agentAudioBytes, int pulls,
		int emptyPulls, int callerFrames, List<Character> dtmfSent, List<String> offeredTo, int mediaConnections,
		@Nullable Instant offeredAt, @Nullable Instant mediaOpenedAt, @Nullable Instant endedAt,
		@Nullable String endReason, List<String> protocolErrors, int sampleRate) {

	/**
	 * Returns the names of the commands the application sent, in order.
	 * @return the command names ({@code answer}, {@code connect}, ...)
	 */
	public List<String> commandNames() {
		List<String> names = new ArrayList<>();
		for (RecordedCommand command : this.commands) {
			names.add(command.name());
		}
		return names;
	}

}
