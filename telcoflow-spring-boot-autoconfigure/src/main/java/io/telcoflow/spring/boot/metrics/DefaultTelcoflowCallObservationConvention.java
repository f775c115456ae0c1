package io.telcoflow.spring.boot.metrics;

import io.micrometer.common.KeyValues;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservation.CallHighCardinalityKeys;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservation.CallLowCardinalityKeys;

/**
 * Default {@link TelcoflowCallObservationConvention}: name {@value #NAME}, low-cardinality keys
 * {@code outcome} (the {@link TerminationReason}, {@code NONE} while the call is live) and
 * {@code handler} ({@code unknown} until reported), high-cardinality key {@code call.id}.
 */
public class DefaultTelcoflowCallObservationConvention implements TelcoflowCallObservationConvention {

	/** The convention's instance. */
	public static final DefaultTelcoflowCallObservationConvention INSTANCE = new DefaultTelcoflowCallObservationConvention();

	/** Name of the observation. */
	public static final String NAME = "telcoflow.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TelcoflowCallObservationContext context) {
		return "telcoflow call";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TelcoflowCallObservationContext context) {
		TerminationReason outcome = context.getOutcome();
		String handler = context.getHandler();
		return KeyValues.of(CallLowCardinalityKeys.OUTCOME.withValue((outcome != null) ? outcome.name() : "NONE"),
				CallLowCardinalityKeys.HANDLER.withValue((handler != null) ? handler : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TelcoflowCallObservationContext context) {
		return KeyValues.of(CallHighCardinalityKeys.CALL_ID.withValue(context.getCallId()));
	}

}
