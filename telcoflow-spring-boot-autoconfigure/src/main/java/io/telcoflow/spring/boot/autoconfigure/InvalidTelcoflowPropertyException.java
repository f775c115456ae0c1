package io.telcoflow.spring.boot.autoconfigure;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a Telcoflow configuration property (or the
 * {@link TelcoflowConnectionDetails} value that stands for it) is invalid. Carries the property's
 * name, its value (never a secret: the API key is shown masked), what is wrong and what to set;
 * {@link InvalidTelcoflowPropertyFailureAnalyzer} turns it into a startup report.
 */
public class InvalidTelcoflowPropertyException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Name of the invalid property, such as {@code telcoflow.url}. */
	private final String property;

	/** Value as configured (never a secret), or {@code null} when not set. */
	private final @Nullable String value;

	/** What is wrong. */
	private final String description;

	/** What to set to fix it. */
	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property's name, for example {@code telcoflow.url}
	 * @param value the value as configured (never a secret), or {@code null} when it is not set
	 * @param description what is wrong
	 * @param action what to set to fix it
	 */
	public InvalidTelcoflowPropertyException(String property, @Nullable String value, String description,
			String action) {
		super(description + " (property '" + property + "', value " + ((value != null) ? "'" + value + "'" : "not set")
				+ ")");
		this.property = property;
		this.value = value;
		this.description = description;
		this.action = action;
	}

	/**
	 * Returns the name of the invalid property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns the invalid value.
	 * @return the value, or {@code null} when the property is not set
	 */
	public @Nullable String getValue() {
		return this.value;
	}

	/**
	 * Returns what is wrong, without the property and value.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns what to set to fix the problem.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
