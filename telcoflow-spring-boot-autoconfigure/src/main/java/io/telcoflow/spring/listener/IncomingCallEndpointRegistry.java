package io.telcoflow.spring.listener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Holds the {@link IncomingCallEndpoint endpoints} and finds the one that takes a call: the first in
 * order whose condition matches. With equal order, endpoints with a condition come before those
 * without, then registration order. Thread-safe.
 */
public class IncomingCallEndpointRegistry {

	private static final Comparator<IncomingCallEndpoint> ROUTING_ORDER = Comparator
		.comparingInt(IncomingCallEndpoint::getOrder)
		.thenComparing((endpoint) -> !endpoint.hasCondition());

	private final @Nullable BeanResolver beanResolver;

	private volatile List<IncomingCallEndpoint> endpoints = List.of();

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
		StandardEvaluationContext context = new StandardEvaluationContext(call);
		if (this.beanResolver != null) {
			context.setBeanResolver(this.beanResolver);
		}
		for (IncomingCallEndpoint endpoint : this.endpoints) {
			if (endpoint.matches(context)) {
				return endpoint;
			}
		}
		return null;
	}

}
