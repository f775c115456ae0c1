package io.telcoflow.test.call;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One command an application sent on a call, with its result: the same type for a
 * {@link TestActiveCall}, an embedded simulator's call and a containerised simulator's call.
 *
 * @param name the command: {@code answer}, {@code connect}, {@code whisper}, {@code barge},
 * {@code spy}, {@code disconnect} or {@code close}
 * @param ringTime the ring time of a {@code connect}, {@code null} for the others
 * @param ok whether the command succeeded
 * @param errorCode the error code when it failed, such as {@code INVALID_STATE}
 */
public record CallCommand(String name, @Nullable Duration ringTime, boolean ok, @Nullable String errorCode) {

	/**
	 * Returns a command that succeeded.
	 * @param name the command
	 * @return the command
	 */
	public static CallCommand succeeded(String name) {
		return new CallCommand(name, null, true, null);
	}

}
