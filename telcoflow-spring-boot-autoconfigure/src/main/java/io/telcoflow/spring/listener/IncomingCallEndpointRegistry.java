package io.telcoflow.spring.listener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Holds the {@link IncomingCallEndpoint endpoints} and finds the one that takes a call: the first in
 * order whose condition matches. With equal order, endpoints with a condition come before those
 * without, then registration order. A condition that fails to evaluate for a call (a bean it calls
 * throws, a {@code null} it dereferences) is logged at {@code WARN} and counts as not matching,
 * so the next handler can take the call. Endpoints can be {@link #stop(String) stopped} and
 * {@link #start(String) started} at run time (a model outage, maintenance of one line): a stopped
 * endpoint is skipped. Thread-safe.
 */
public class IncomingCallEndpointRegistry {

	private static final Comparator<IncomingCallEndpoint> ROUTING_ORDER = Comparator
		.comparingInt(IncomingCallEndpoint::getOrder)
		.thenComparing((endpoint) -> !endpoint.hasCondition());

	private static final Log logger = LogFactory.getLog(IncomingCallEndpointRegistry.class);

	private final @Nullable BeanResolver beanResolver;

	private volatile List<IncomingCallEndpoint> endpoints = List.of();

	private final Set<String> stopped = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a registry whose conditions cannot refer to beans.
	 */
	public IncomingCallEndpointRegistry() {
		this(null);
	}

	/**
	 * Creates a registry.
	 * @param beanResolver resolves {@code @beanName} in conditions, or {@code null}
	 */
	public IncomingCallEndpointRegistry(@Nullable BeanResolver beanResolver) {
		this.beanResolver = beanResolver;
	}

	/**
	 * Adds an endpoint.
	 * @param endpoint the endpoint
	 */
	public synchronized void register(IncomingCallEndpoint endpoint) {
		List<IncomingCallEndpoint> updated = new ArrayList<>(this.endpoints);
		updated.add(endpoint);
		// A stable sort keeps registration order among equals.
		updated.sort(ROUTING_ORDER);
		this.endpoints = List.copyOf(updated);
	}

	/**
	 * Returns the endpoints in routing order.
	 * @return the endpoints
	 */
	public List<IncomingCallEndpoint> getEndpoints() {
		return this.endpoints;
	}

	/**
	 * Finds the endpoint that takes a call.
	 * @param call the call's metadata
	 * @return the first matching endpoint, or {@code null} when none matches
	 */
	public @Nullable IncomingCallEndpoint findEndpoint(IncomingCall call) {
		EvaluationContext context = createEvaluationContext(call);
		for (IncomingCallEndpoint endpoint : this.endpoints) {
			if (isRunning(endpoint) && matches(endpoint, context, call)) {
				return endpoint;
			}
		}
		return null;
	}

	/**
	 * Stops an endpoint taking calls: until {@link #start(String) started} again, calls go to the
	 * next endpoint that matches them (or are unmatched). Calls it has taken go on.
	 * @param id the endpoint's {@link IncomingCallEndpoint#getId() id}
	 * @throws IllegalArgumentException when no endpoint has that id
	 */
	public void stop(String id) {
		this.stopped.add(getEndpoint(id).getId());
	}

	/**
	 * Lets a {@link #stop(String) stopped} endpoint take calls again.
	 * @param id the endpoint's {@link IncomingCallEndpoint#getId() id}
	 * @throws IllegalArgumentException when no endpoint has that id
	 */
	public void start(String id) {
		this.stopped.remove(getEndpoint(id).getId());
	}

	/**
	 * Returns whether an endpoint takes calls (it has not been {@link #stop(String) stopped}).
	 * @param endpoint the endpoint
	 * @return whether it takes calls
	 */
	public boolean isRunning(IncomingCallEndpoint endpoint) {
		return !this.stopped.contains(endpoint.getId());
	}

	/**
	 * Returns the endpoint with an id.
	 * @param id the endpoint's {@link IncomingCallEndpoint#getId() id}
	 * @return the endpoint
	 * @throws IllegalArgumentException when no endpoint has that id
	 */
	public IncomingCallEndpoint getEndpoint(String id) {
		for (IncomingCallEndpoint endpoint : this.endpoints) {
			if (endpoint.getId().equals(id)) {
				return endpoint;
			}
		}
		throw new IllegalArgumentException("No @OnIncomingCall handler '" + id + "'; the handlers are "
				+ this.endpoints.stream().map(IncomingCallEndpoint::getId).toList());
	}

	/**
	 * Creates the context that conditions are evaluated in for a call.
	 * @param call the call's metadata, the root object
	 * @return the evaluation context
	 */
	public EvaluationContext createEvaluationContext(IncomingCall call) {
		StandardEvaluationContext context = new StandardEvaluationContext(call);
		if (this.beanResolver != null) {
			context.setBeanResolver(this.beanResolver);
		}
		return context;
	}

	private static boolean matches(IncomingCallEndpoint endpoint, EvaluationContext context, IncomingCall call) {
		try {
			return endpoint.matches(context);
		}
		catch (RuntimeException ex) {
			// One broken condition must not cost a call that a later handler takes.
			logger.warn("The condition of " + endpoint + " failed for call " + call.callId()
					+ "; trying the next handler: " + ex.getMessage());
			return false;
		}
	}

}
