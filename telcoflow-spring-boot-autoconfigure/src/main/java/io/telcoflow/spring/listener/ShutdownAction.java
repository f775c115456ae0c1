package io.telcoflow.spring.listener;

import io.telcoflow.client.ActiveCall;

/**
 * What a graceful shutdown does with calls still live when the drain timeout expires.
 *
 * @see TelcoflowLifecycle
 */
public enum ShutdownAction {

	/**
	 * Release the call ({@link ActiveCall#close()}): after {@code connect} the caller and callee stay
	 * connected and only the application leaves; otherwise the caller is disconnected.
	 */
	CLOSE,

	/**
	 * End the call for every party ({@link ActiveCall#disconnect()}).
	 */
	DISCONNECT

}
