package io.telcoflow.spring.boot.autoconfigure;

import io.telcoflow.spring.listener.InvalidIncomingCallHandlerException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.ClassUtils;

/**
 * Reports an {@link InvalidIncomingCallHandlerException}: which
 * {@link io.telcoflow.spring.annotation.OnIncomingCall @OnIncomingCall} method cannot be served,
 * why, and what to change.
 */
class InvalidIncomingCallHandlerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidIncomingCallHandlerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidIncomingCallHandlerException cause) {
		String description = String.format("The @OnIncomingCall method %s of bean '%s' cannot handle calls:%n%n    %s%n",
				ClassUtils.getQualifiedMethodName(cause.getMethod()) + parameterList(cause), cause.getBeanName(),
				cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

	private static String parameterList(InvalidIncomingCallHandlerException cause) {
		StringBuilder parameters = new StringBuilder("(");
		Class<?>[] types = cause.getMethod().getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			parameters.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return parameters.append(")").toString();
	}

}
