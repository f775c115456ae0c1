package io.telcoflow.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidTelcoflowPropertyException}: the property, its value, what is wrong, and
 * what to set.
 */
class InvalidTelcoflowPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTelcoflowPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTelcoflowPropertyException cause) {
		String value = (cause.getValue() != null) ? "'" + cause.getValue() + "'" : "(not set)";
		String description = String.format("Invalid Telcoflow configuration:%n%n    Property: %s%n    Value: %s%n"
				+ "    Reason: %s%n", cause.getProperty(), value, cause.getDescription());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
