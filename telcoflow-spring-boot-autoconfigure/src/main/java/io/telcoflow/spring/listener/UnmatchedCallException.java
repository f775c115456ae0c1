package io.telcoflow.spring.listener;

import java.io.Serial;

/**
 * Thrown by {@link IncomingCallDispatcher} for a call that no
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} method matches, when the
 * {@link UnmatchedCallAction} is {@link UnmatchedCallAction#FAIL FAIL}. The client then ends the call
 * and reports this exception as the handler's failure.
 */
public class UnmatchedCallException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Id of the call no handler matched. */
	private final String callId;

	/**
	 * Creates the exception. The message holds the call id but no phone number.
	 * @param callId the id of the call no handler matched
	 */
	public UnmatchedCallException(String callId) {
		super("No @OnIncomingCall handler matched call " + callId
				+ "; add a handler without a condition, or set telcoflow.handler.unmatched-call");
		this.callId = callId;
	}

	/**
	 * Returns the id of the call no handler matched.
	 * @return the call id
	 */
	public String getCallId() {
		return this.callId;
	}

}
