package io.telcoflow.spring.listener;

import java.util.function.Function;

import io.telcoflow.client.ActiveCall;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves one parameter of an {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall}
 * method from the call. Define a bean of this type to support more parameter types; it is asked
 * before the built-in ones ({@code ActiveCall}, {@code IncomingCall}, {@code AudioStream}).
 * Support is checked once, at startup, so that a method nobody can serve fails the context.
 */
public interface CallArgumentResolver {

	/**
	 * Returns whether this resolver can resolve the parameter.
	 * @param parameter the method parameter
	 * @return whether it is supported
	 */
	boolean supportsParameter(MethodParameter parameter);

	/**
	 * Resolves the parameter for a call; runs on the call's thread.
	 * @param parameter the method parameter, one that {@link #supportsParameter} accepted
	 * @param call the call
	 * @return the argument
	 */
	@Nullable Object resolveArgument(MethodParameter parameter, ActiveCall call);

	/**
	 * Returns a resolver for parameters of exactly one type.
	 * @param <T> the type
	 * @param type the parameter type
	 * @param resolver how to get the argument from the call
	 * @return the resolver
	 */
	static <T> CallArgumentResolver forType(Class<T> type, Function<ActiveCall, ? extends @Nullable T> resolver) {
		return new CallArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == type;
			}

			@Override
			public @Nullable Object resolveArgument(MethodParameter parameter, ActiveCall call) {
				return resolver.apply(call);
			}

			@Override
			public String toString() {
				return "CallArgumentResolver for " + type.getName();
			}

		};
	}

}
