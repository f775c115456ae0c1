package io.telcoflow.spring.listener;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.exception.WssException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The client's one {@link IncomingCallHandler}: routes each call to the
 * {@link IncomingCallEndpoint} that the {@link IncomingCallEndpointRegistry} finds for it, on the
 * call's thread. What the endpoint throws propagates to the client, which ends the call per its
 * {@link io.telcoflow.client.HandlerFailureAction} and reports the failure to its listeners, once.
 */
public class IncomingCallDispatcher implements IncomingCallHandler {

	private static final Log logger = LogFactory.getLog(IncomingCallDispatcher.class);

	private final IncomingCallEndpointRegistry registry;

	private final UnmatchedCallAction unmatchedCallAction;

	/**
	 * Creates a dispatcher.
	 * @param registry the endpoints
	 * @param unmatchedCallAction what to do with a call that no endpoint matches
	 */
	public IncomingCallDispatcher(IncomingCallEndpointRegistry registry, UnmatchedCallAction unmatchedCallAction) {
		this.registry = registry;
		this.unmatchedCallAction = unmatchedCallAction;
	}

	/**
	 * Returns whether any endpoint is registered; without one, no call can be served.
	 * @return whether there is an endpoint
	 */
	public boolean hasEndpoints() {
		return !this.registry.getEndpoints().isEmpty();
	}

	@Override
	public void onIncomingCall(ActiveCall call) throws Exception {
		IncomingCallEndpoint endpoint = this.registry.findEndpoint(IncomingCall.of(call));
		if (endpoint == null) {
			handleUnmatched(call);
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Call " + call.getCallId() + " goes to " + endpoint);
		}
		endpoint.invoke(call);
	}

	private void handleUnmatched(ActiveCall call) {
		if (this.unmatchedCallAction == UnmatchedCallAction.FAIL) {
			throw new UnmatchedCallException(call.getCallId());
		}
		logger.info("No @OnIncomingCall handler matched call " + call.getCallId() + "; declining it");
		try {
			call.disconnect();
		}
		catch (WssException ex) {
			// The caller may have hung up already: the call is over either way.
			logger.debug("Declining call " + call.getCallId() + " failed", ex);
		}
	}

}
