package io.telcoflow.spring.listener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.IncomingCallHandler;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.spring.event.CallHandlerSelectedListener;
import io.telcoflow.spring.event.CallHandlerSelectedListener.HandlerScope;
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

	private final List<CallHandlerSelectedListener> selectionListeners;

	private final Map<String, String> handlers = new ConcurrentHashMap<>();

	/**
	 * Creates a dispatcher.
	 * @param registry the endpoints
	 * @param unmatchedCallAction what to do with a call that no endpoint matches
	 */
	public IncomingCallDispatcher(IncomingCallEndpointRegistry registry, UnmatchedCallAction unmatchedCallAction) {
		this(registry, unmatchedCallAction, List.of());
	}

	/**
	 * Creates a dispatcher that tells listeners which handler took each call.
	 * @param registry the endpoints
	 * @param unmatchedCallAction what to do with a call that no endpoint matches
	 * @param selectionListeners called on the call's thread just before the handler runs
	 */
	public IncomingCallDispatcher(IncomingCallEndpointRegistry registry, UnmatchedCallAction unmatchedCallAction,
			List<CallHandlerSelectedListener> selectionListeners) {
		this.registry = registry;
		this.unmatchedCallAction = unmatchedCallAction;
		this.selectionListeners = List.copyOf(selectionListeners);
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
		track(call, endpoint);
		notifySelection(call, endpoint.getId());
		Deque<HandlerScope> scopes = openScopes(call);
		try {
			endpoint.invoke(call);
		}
		catch (Throwable ex) {
			scopes.forEach((scope) -> reportFailure(scope, call, ex));
			throw ex;
		}
		finally {
			scopes.forEach(HandlerScope::close);
		}
	}

	// Scopes (the call's Observation) around the handler, as a listener container opens the
	// observation around a message listener; closed last opened first.
	private Deque<HandlerScope> openScopes(ActiveCall call) {
		Deque<HandlerScope> scopes = new ArrayDeque<>(this.selectionListeners.size());
		for (CallHandlerSelectedListener listener : this.selectionListeners) {
			try {
				HandlerScope scope = listener.openHandlerScope(call);
				if (scope != null) {
					scopes.push(scope);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("CallHandlerSelectedListener " + listener + " failed to open a scope for call "
						+ call.getCallId(), ex);
			}
		}
		return scopes;
	}

	private void reportFailure(HandlerScope scope, ActiveCall call, Throwable failure) {
		try {
			scope.handlerFailed(failure);
		}
		catch (RuntimeException ex) {
			logger.warn("Handler scope " + scope + " failed to take the failure of call " + call.getCallId(), ex);
		}
	}

	private void track(ActiveCall call, IncomingCallEndpoint endpoint) {
		String callId = call.getCallId();
		this.handlers.put(callId, endpoint.getId());
		call.terminationFuture().whenComplete((reason, ex) -> this.handlers.remove(callId));
	}

	/**
	 * Returns the handler that took a live call.
	 * @param callId the call's id
	 * @return the {@link IncomingCallEndpoint#getId() id} of its handler, empty when the call is
	 * over or no handler took it
	 */
	public Optional<String> getHandler(String callId) {
		return Optional.ofNullable(this.handlers.get(callId));
	}

	/**
	 * Returns the registry that this dispatcher finds handlers in.
	 * @return the registry
	 */
	public IncomingCallEndpointRegistry getRegistry() {
		return this.registry;
	}

	private void notifySelection(ActiveCall call, String handler) {
		for (CallHandlerSelectedListener listener : this.selectionListeners) {
			try {
				listener.onCallHandlerSelected(call, handler);
			}
			catch (RuntimeException ex) {
				// Monitoring must never keep a call from its handler.
				logger.warn("CallHandlerSelectedListener " + listener + " failed for call " + call.getCallId(), ex);
			}
		}
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
