package io.telcoflow.spring.listener;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.HandlerFailureAction;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} method, ready to take
 * calls: the bean (the proxy, if any), the invocable method, a resolver for each parameter, the
 * optional condition and the order.
 */
public final class IncomingCallEndpoint {

	private final String beanName;

	private final Object bean;

	private final Method method;

	private final CallArgumentResolver[] resolvers;

	private final MethodParameter[] parameters;

	private final @Nullable Expression condition;

	private final int order;

	private final @Nullable HandlerFailureAction failureAction;

	private final @Nullable IncomingCallErrorHandler errorHandler;

	/**
	 * Creates an endpoint.
	 * @param beanName the bean's name
	 * @param bean the bean to invoke the method on (the proxy, if any)
	 * @param method the method, invocable on {@code bean}
	 * @param resolvers one resolver for each of the method's parameters
	 * @param condition the parsed condition, or {@code null} to match every call
	 * @param order the order
	 */
	public IncomingCallEndpoint(String beanName, Object bean, Method method, CallArgumentResolver[] resolvers,
			@Nullable Expression condition, int order) {
		this(beanName, bean, method, resolvers, condition, order, null, null);
	}

	/**
	 * Creates an endpoint with its own failure handling.
	 * @param beanName the bean's name
	 * @param bean the bean to invoke the method on (the proxy, if any)
	 * @param method the method, invocable on {@code bean}
	 * @param resolvers one resolver for each of the method's parameters
	 * @param condition the parsed condition, or {@code null} to match every call
	 * @param order the order
	 * @param failureAction how to end a call when the method fails, or {@code null} for the
	 * client's action ({@code telcoflow.handler.failure-action})
	 * @param errorHandler what handles the method's failures first, or {@code null}
	 */
	public IncomingCallEndpoint(String beanName, Object bean, Method method, CallArgumentResolver[] resolvers,
			@Nullable Expression condition, int order, @Nullable HandlerFailureAction failureAction,
			@Nullable IncomingCallErrorHandler errorHandler) {
		this.failureAction = failureAction;
		this.errorHandler = errorHandler;
		this.beanName = beanName;
		this.bean = bean;
		this.method = method;
		this.resolvers = resolvers.clone();
		this.parameters = new MethodParameter[method.getParameterCount()];
		for (int i = 0; i < this.parameters.length; i++) {
			this.parameters[i] = new MethodParameter(method, i);
		}
		this.condition = condition;
		this.order = order;
		ReflectionUtils.makeAccessible(method);
	}

	/**
	 * Returns the name of the bean that declares the method.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * Returns the endpoint's id, {@code beanName.methodName}: the name metrics, events and the
	 * {@code telcoflow} Actuator endpoint show for the handler, and the name to start or stop it by.
	 * @return the id
	 */
	public String getId() {
		return this.beanName + "." + this.method.getName();
	}

	/**
	 * Returns the condition as written (after property placeholders are resolved).
	 * @return the condition, or {@code null} when the endpoint takes every call
	 */
	public @Nullable String getConditionString() {
		return (this.condition != null) ? this.condition.getExpressionString() : null;
	}

	/**
	 * Returns the handler method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * Returns the order.
	 * @return the order, lower first
	 */
	public int getOrder() {
		return this.order;
	}

	/**
	 * Returns whether this endpoint has a condition.
	 * @return whether a condition restricts the calls it takes
	 */
	public boolean hasCondition() {
		return this.condition != null;
	}

	/**
	 * Returns whether this endpoint takes a call.
	 * @param context an evaluation context whose root object is the call's {@link IncomingCall}
	 * @return whether the condition matches (always, without a condition)
	 * @throws IllegalStateException when the condition does not evaluate to a boolean
	 */
	public boolean matches(EvaluationContext context) {
		if (this.condition == null) {
			return true;
		}
		Object result = this.condition.getValue(context);
		if (result instanceof Boolean matched) {
			return matched;
		}
		throw new IllegalStateException("The condition '" + this.condition.getExpressionString() + "' of " + this
				+ " returned " + result + " instead of true or false");
	}

	/**
	 * Returns how a call is ended when the method fails.
	 * @return the endpoint's own action, or {@code null} for the client's
	 */
	public @Nullable HandlerFailureAction getFailureAction() {
		return this.failureAction;
	}

	/**
	 * Invokes the method for a call, on the calling thread. When it throws, the endpoint's
	 * {@link IncomingCallErrorHandler} (if any) gets the exception first; a failure that remains is
	 * rethrown, after the call was ended per the endpoint's own failure action (if any), so that the
	 * client reports it and finds the call already ended.
	 * @param call the call
	 * @throws Exception whatever the method (or its error handler) threw
	 */
	public void invoke(ActiveCall call) throws Exception {
		try {
			invokeMethod(call);
		}
		catch (Exception ex) {
			Exception failure = ex;
			if (this.errorHandler != null) {
				try {
					this.errorHandler.handleError(call, ex);
					return;
				}
				catch (Exception handlerFailure) {
					failure = handlerFailure;
				}
			}
			if (this.failureAction != null) {
				CallEnding.end(call, this.failureAction);
			}
			throw failure;
		}
	}

	private void invokeMethod(ActiveCall call) throws Exception {
		Object[] args = new Object[this.parameters.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.resolvers[i].resolveArgument(this.parameters[i], call);
		}
		try {
			this.method.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	@Override
	public String toString() {
		return "@OnIncomingCall method " + ClassUtils.getQualifiedMethodName(this.method) + " of bean '"
				+ this.beanName + "'";
	}

}
