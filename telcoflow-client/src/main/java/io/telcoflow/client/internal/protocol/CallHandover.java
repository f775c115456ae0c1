package io.telcoflow.client.internal.protocol;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What another process needs to take over a call's media connection.
 *
 * @param callId the call id
 * @param mediaUrl the absolute media URL
 * @param mediaToken the media token (secret)
 * @param callerNumber the caller's number
 * @param calleeNumber the callee's number
 * @param sampleRate the audio sample rate
 * @param offeredAt when the call was offered
 */
public record CallHandover(String callId, String mediaUrl, String mediaToken, @Nullable String callerNumber,
		@Nullable String calleeNumber, int sampleRate, Instant offeredAt) {

	@Override
	public String toString() {
		return "CallHandover[callId=" + this.callId + ", mediaUrl=" + this.mediaUrl + ", mediaToken=******]";
	}

}
