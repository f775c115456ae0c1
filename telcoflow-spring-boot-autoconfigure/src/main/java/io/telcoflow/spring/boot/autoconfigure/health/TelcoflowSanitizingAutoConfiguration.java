package io.telcoflow.spring.boot.autoconfigure.health;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that masks {@code telcoflow.api-key} in the
 * Actuator's {@code env} and {@code configprops} endpoints. They mask every value unless
 * {@code management.endpoint.*.show-values} says otherwise; when values are shown, the API key
 * still is not, under any of its names ({@code telcoflow.api-key}, {@code telcoflow.apiKey},
 * {@code TELCOFLOW_API_KEY}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class TelcoflowSanitizingAutoConfiguration {

	private static final String API_KEY = "telcoflowapikey";

	@Bean
	@ConditionalOnMissingBean(name = "telcoflowSanitizingFunction")
	SanitizingFunction telcoflowSanitizingFunction() {
		return (data) -> isApiKey(data) ? data.withSanitizedValue() : data;
	}

	private static boolean isApiKey(SanitizableData data) {
		return data.getLowerCaseKey().replaceAll("[^a-z0-9]", "").equals(API_KEY);
	}

}
