package io.telcoflow.spring.listener;

import java.time.Instant;

import io.telcoflow.client.ActiveCall;
import org.jspecify.annotations.Nullable;

/**
 * Metadata of an incoming call: an argument of
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} methods, and the root object
 * of their {@link io.telcoflow.spring.annotation.OnIncomingCall#condition() condition}.
 *
 * @param callId the call's id
 * @param callerNumber the caller's E.164 number, or {@code null} when withheld
 * @param calleeNumber the dialled E.164 number, or {@code null} when unknown
 * @param offeredAt when the server offered the call
 */
public record IncomingCall(String callId, @Nullable String callerNumber, @Nullable String calleeNumber,
		Instant offeredAt) {

	/**
	 * Returns the metadata of a call.
	 * @param call the call
	 * @return its metadata
	 */
	public static IncomingCall of(ActiveCall call) {
		return new IncomingCall(call.getCallId(), call.getCallerNumber(), call.getCalleeNumber(), call.getOfferedAt());
	}

}
