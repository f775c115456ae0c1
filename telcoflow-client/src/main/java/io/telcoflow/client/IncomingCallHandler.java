package io.telcoflow.client;

/**
 * Handles a call offered to the client (Python: {@code client.on(INCOMING_CALL)}). It runs on the
 * call's own thread, never on a socket thread, with the call's media connection already open.
 * A handler that throws ends its own call (see {@link HandlerFailureAction}) and no other.
 */
@FunctionalInterface
public interface IncomingCallHandler {

	/**
	 * Handles one call.
	 * @param call the call, in state {@link CallState#PENDING}
	 * @throws Exception anything; the call is then ended per the configured
	 * {@link HandlerFailureAction}
	 */
	void onIncomingCall(ActiveCall call) throws Exception;

}
