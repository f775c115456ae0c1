package io.telcoflow.client;

/**
 * Why a call ended for this client.
 */
public enum TerminationReason {

	/** The caller hung up. */
	CALLER_HANGUP,

	/** The callee hung up (after {@code connect}). */
	CALLEE_HANGUP,

	/** The call was ended for every party with {@code disconnect}. */
	DISCONNECTED,

	/** The agent left with {@code close}. */
	CLOSED,

	/** The server ended the call on a timeout. */
	TIMEOUT,

	/** The call ended on an error, such as a media connection that could not be resumed. */
	ERROR,

	/** The client was closed while the call was still live; its media connection was closed locally. */
	CLIENT_CLOSED

}
