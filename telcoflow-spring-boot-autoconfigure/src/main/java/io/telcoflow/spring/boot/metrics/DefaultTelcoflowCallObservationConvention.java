package io.telcoflow.spring.boot.metrics;

import io.micrometer.common.KeyValues;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservation.CallHighCardinalityKeys;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservation.CallLowCardinalityKeys;

/**
 * Default {@link TelcoflowCallObservationConvention}: name {@value #NAME}, high-cardinality key
 * {@code call.id}, and once the call has ended the low-cardinality keys {@code outcome} (the
 * {@link TerminationReason}) and {@code handler} (the handler that took the call, {@code none}
 * when no handler did). While the call is live there are no low-cardinality keys: the
 * observation starts at the offer, before any handler is chosen, so the long task timer of live
 * calls has no tags rather than wrong ones.
 */
public class DefaultTelcoflowCallObservationConvention implements TelcoflowCallObservationConvention {

	/** The convention's instance. */
	public static final DefaultTelcoflowCallObservationConvention INSTANCE = new DefaultTelcoflowCallObservationConvention();

	/** Value of the {@code handler} key for a call that no handler took. */
	public static final String NO_HANDLER = "none";

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
		if (outcome == null) {
			return KeyValues.empty();
		}
		String handler = context.getHandler();
		return KeyValues.of(CallLowCardinalityKeys.OUTCOME.withValue(outcome.name()),
				CallLowCardinalityKeys.HANDLER.withValue((handler != null) ? handler : NO_HANDLER));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TelcoflowCallObservationContext context) {
		return KeyValues.of(CallHighCardinalityKeys.CALL_ID.withValue(context.getCallId()));
	}

}
