package io.telcoflow.client;

/**
 * What the client does with a call whose {@link IncomingCallHandler} threw.
 */
public enum HandlerFailureAction {

	/** End the call for every party ({@link ActiveCall#disconnect()}). */
	DISCONNECT,

	/** Release the call ({@link ActiveCall#close()}): after {@code connect} caller and callee stay connected. */
	CLOSE

}
