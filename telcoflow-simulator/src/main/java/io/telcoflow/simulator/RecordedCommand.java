package io.telcoflow.simulator;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A command the client sent on a call's media connection, with the result the simulator gave.
 *
 * @param name the command name ({@code answer}, {@code connect}, ...)
 * @param members every member of the command message except {@code type} (so {@code id},
 * {@code name}, {@code ring_time_seconds}, ...)
 * @param at when the command arrived
 * @param ok whether the result was a success
 * @param errorCode the result's error code, {@code null} on success
 */
public record RecordedCommand(String name, Map<String, Object> members, Instant at, boolean ok,
		@Nullable String errorCode) {

}
