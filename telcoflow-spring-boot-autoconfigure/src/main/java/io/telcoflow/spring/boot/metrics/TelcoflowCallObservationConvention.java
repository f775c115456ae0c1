package io.telcoflow.spring.boot.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for the per-call observation; define a bean of this type to
 * replace {@link DefaultTelcoflowCallObservationConvention}.
 */
public interface TelcoflowCallObservationConvention extends ObservationConvention<TelcoflowCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TelcoflowCallObservationContext;
	}

}
