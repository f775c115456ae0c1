package io.telcoflow.client.internal.protocol;

import java.time.Instant;

import io.telcoflow.client.CallState;
import io.telcoflow.client.TerminationReason;
import org.jspecify.annotations.Nullable;

/**
 * A text message the server sent, decoded; {@link Invalid} when it broke the protocol.
 */
public sealed interface ServerMessage {

	/**
	 * {@code session.welcome}: first frame of a control connection.
	 * @param sessionId the session id
	 * @param protocol the protocol name
	 * @param heartbeatIntervalMs the ping interval
	 */
	record Welcome(String sessionId, String protocol, long heartbeatIntervalMs) implements ServerMessage {
	}

	/**
	 * {@code call.incoming}: a new call.
	 * @param callId the call id
	 * @param callerNumber the caller's number
	 * @param calleeNumber the callee's number
	 * @param mediaUrl absolute URL or absolute path of the media connection
	 * @param mediaToken the media token (secret)
	 * @param offeredAt when the call was offered
	 */
	record CallIncoming(String callId, @Nullable String callerNumber, @Nullable String calleeNumber, String mediaUrl,
			String mediaToken, @Nullable Instant offeredAt) implements ServerMessage {

		@Override
		public String toString() {
			return "CallIncoming[callId=" + this.callId + ", mediaUrl=" + this.mediaUrl + ", mediaToken=******]";
		}

	}

	/**
	 * {@code call.ended}: an offered call ended before its media connection opened.
	 * @param callId the call id
	 * @param reason {@code caller_hangup} or {@code media_timeout}
	 */
	record CallEnded(String callId, String reason) implements ServerMessage {
	}

	/**
	 * {@code session.draining}: the server is going away.
	 * @param reconnectAfterMs the earliest reconnect delay
	 */
	record Draining(long reconnectAfterMs) implements ServerMessage {
	}

	/**
	 * {@code error}: a protocol error the server noticed.
	 * @param code the error code
	 * @param message the explanation
	 */
	record Error(String code, String message) implements ServerMessage {
	}

	/**
	 * {@code media.started}: first frame of a media connection.
	 * @param callId the call id
	 * @param state the call's current state
	 * @param sampleRate the audio sample rate
	 * @param frameMs the frame length
	 */
	record MediaStarted(String callId, CallState state, int sampleRate, int frameMs) implements ServerMessage {
	}

	/**
	 * {@code command.result}.
	 * @param id the command's id
	 * @param ok whether it succeeded
	 * @param state the call's state after it, if given
	 * @param errorCode the error code when it failed
	 * @param errorMessage the explanation when it failed
	 */
	record CommandResult(String id, boolean ok, @Nullable CallState state, @Nullable String errorCode,
			@Nullable String errorMessage) implements ServerMessage {
	}

	/**
	 * {@code call.state}: the call changed state.
	 * @param state the new state
	 * @param previous the state before, if given
	 */
	record StateChanged(CallState state, @Nullable CallState previous) implements ServerMessage {
	}

	/**
	 * {@code call.dtmf}: a key press.
	 * @param digit the key
	 * @param durationMs how long it was held
	 */
	record Dtmf(char digit, long durationMs) implements ServerMessage {
	}

	/**
	 * {@code call.terminated}: the call is over for this client.
	 * @param reason why
	 */
	record Terminated(TerminationReason reason) implements ServerMessage {
	}

	/**
	 * {@code audio.pull}: the server asks for one frame of outgoing audio.
	 * @param bytes the most bytes it takes
	 */
	record AudioPull(int bytes) implements ServerMessage {
	}

	/**
	 * A frame that broke the protocol: it is dropped, logged and counted.
	 * @param description what was wrong, without the frame's content beyond a short prefix
	 */
	record Invalid(String description) implements ServerMessage {
	}

}
