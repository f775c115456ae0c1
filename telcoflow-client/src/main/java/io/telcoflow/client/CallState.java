package io.telcoflow.client;

/**
 * The state of a call, as the server reports it.
 * <pre>
 * PENDING --answer--&gt; ANSWERED --connect--&gt; CONNECTED
 *    \--connect--------------------------------^
 * any --call ends--&gt; DISCONNECTED
 * </pre>
 */
public enum CallState {

	/** Offered; the caller hears ringing. Allowed: answer, connect, and disconnect or close to decline. */
	PENDING,

	/** Answered; the application owns the audio both ways. */
	ANSWERED,

	/** Caller, callee and agent are in a conference (after {@code connect}). */
	CONNECTED,

	/** Over for this client; every operation fails with {@code WssCallClosedException}. */
	DISCONNECTED

}
