package io.telcoflow.spring.boot.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of the observations of the Telcoflow starter.
 */
public enum TelcoflowCallObservation implements ObservationDocumentation {

	/**
	 * One call, from the server's offer to the call's end, open as a scope around the call's
	 * handler. With Boot's default handlers it yields the timer {@code telcoflow.call} (tags
	 * {@code outcome}, {@code handler}), the long task timer {@code telcoflow.call.active} (no
	 * tags), and a span when tracing is on.
	 */
	CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTelcoflowCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return CallLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return CallHighCardinalityKeys.values();
		}

	};

	/**
	 * Low-cardinality keys of {@link #CALL}.
	 */
	public enum CallLowCardinalityKeys implements KeyName {

		/** Why the call ended: a {@code TerminationReason} name; only once it has ended. */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/** The handler that took the call, {@code none} if none did; only once it has ended. */
		HANDLER {

			@Override
			public String asString() {
				return "handler";
			}

		}

	}

	/**
	 * High-cardinality keys of {@link #CALL}.
	 */
	public enum CallHighCardinalityKeys implements KeyName {

		/** The call's id. */
		CALL_ID {

			@Override
			public String asString() {
				return "call.id";
			}

		}

	}

}
