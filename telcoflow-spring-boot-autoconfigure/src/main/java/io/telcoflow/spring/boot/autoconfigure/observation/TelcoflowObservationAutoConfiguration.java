package io.telcoflow.spring.boot.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservationConvention;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservationListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that records an {@code Observation} per
 * Telcoflow call when an {@link ObservationRegistry} bean exists. Turn it off with
 * {@code management.observations.enable.telcoflow.call=false}.
 */
@AutoConfiguration(afterName = { "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
@ConditionalOnSingleCandidate(TelcoflowClient.class)
@ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
public final class TelcoflowObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TelcoflowCallObservationListener telcoflowCallObservationListener(ObservationRegistry observationRegistry,
			ObjectProvider<TelcoflowCallObservationConvention> convention) {
		return new TelcoflowCallObservationListener(observationRegistry, convention.getIfUnique());
	}

}
