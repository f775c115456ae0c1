package io.telcoflow.client.internal.protocol;

import org.jspecify.annotations.Nullable;

/**
 * A text message the client sends.
 */
public sealed interface ClientMessage {

	/**
	 * {@code session.ready}: handlers are registered; start offering calls.
	 * @param sampleRate the audio sample rate of every call
	 * @param maxCalls how many calls at once, 0 for no limit
	 */
	record SessionReady(int sampleRate, int maxCalls) implements ClientMessage {
	}

	/**
	 * {@code session.capacity}: how many more calls this session accepts now.
	 * @param available the number of calls
	 */
	record SessionCapacity(int available) implements ClientMessage {
	}

	/**
	 * {@code session.pause}: stop offering calls.
	 */
	record SessionPause() implements ClientMessage {
	}

	/**
	 * {@code command}: a call command on the media connection.
	 * @param id the correlation id, unique per media connection
	 * @param name the command name ({@code answer}, {@code connect}, ...)
	 * @param ringTimeSeconds for {@code connect}, the ring time; otherwise {@code null}
	 */
	record Command(String id, String name, @Nullable Integer ringTimeSeconds) implements ClientMessage {
	}

}
