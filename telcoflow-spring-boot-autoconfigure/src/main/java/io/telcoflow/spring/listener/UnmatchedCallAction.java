package io.telcoflow.spring.listener;

/**
 * What happens to an incoming call that no
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} method matches.
 *
 * @see IncomingCallDispatcher
 */
public enum UnmatchedCallAction {

	/**
	 * Treat it as a handler failure: the dispatcher throws {@link UnmatchedCallException}, so the
	 * client declines the call per its {@link io.telcoflow.client.HandlerFailureAction} and reports
	 * the failure to every {@link io.telcoflow.client.TelcoflowClientListener} (events, metrics).
	 */
	FAIL,

	/**
	 * Decline the call quietly ({@link io.telcoflow.client.ActiveCall#disconnect()}), logging it at
	 * {@code INFO}; it is not reported as a failure.
	 */
	DECLINE

}
