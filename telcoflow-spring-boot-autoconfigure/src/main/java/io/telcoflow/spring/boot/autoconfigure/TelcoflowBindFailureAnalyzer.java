package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Reports a {@code telcoflow.*} value that cannot be converted to its type (a duration without a
 * unit, an unknown enum value, a word where a number belongs) with an action that gives an example
 * of a valid value; Spring Boot's own report only says to update the configuration. Other binding
 * failures are left to Spring Boot.
 */
class TelcoflowBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final String PREFIX = "telcoflow.";

	@Override
	public int getOrder() {
		// before Spring Boot's BindFailureAnalyzer, which would analyze the same exception
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String property = cause.getName().toString();
		Class<?> type = cause.getTarget().getType().resolve();
		if (!property.startsWith(PREFIX) || type == null) {
			return null;
		}
		String expected = expected(type);
		if (expected == null) {
			return null;
		}
		ConfigurationProperty bound = cause.getProperty();
		String value = (bound != null) ? "'" + bound.getValue() + "'" : "(unknown)";
		String origin = (bound != null && bound.getOrigin() != null) ? "    Origin: " + bound.getOrigin() + "%n" : "";
		String description = String.format("Invalid Telcoflow configuration:%n%n    Property: %s%n    Value: %s%n" + origin
				+ "    Reason: it is not %s.%n", property, value, expected.replaceFirst(", for example .*", ""));
		return new FailureAnalysis(description, "Set '" + property + "' to " + expected + ".", cause);
	}

	private static @Nullable String expected(Class<?> type) {
		if (type == Duration.class) {
			return "a duration with a unit, for example 10s or 500ms";
		}
		if (type == DataSize.class) {
			return "a size with a unit, for example 1MB or 64KB";
		}
		if (type.isEnum()) {
			String values = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.joining(", "));
			return "one of " + values + ", for example " + values.split(", ")[0];
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number, for example 100";
		}
		if (type == double.class || type == Double.class) {
			return "a number, for example 2.0";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false, for example true";
		}
		return null;
	}

}
