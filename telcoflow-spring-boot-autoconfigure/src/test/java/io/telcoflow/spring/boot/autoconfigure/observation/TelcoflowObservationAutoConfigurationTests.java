package io.telcoflow.spring.boot.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TerminationReason;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservationContext;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservationConvention;
import io.telcoflow.spring.boot.metrics.TelcoflowCallObservationListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowObservationAutoConfiguration}.
 */
class TelcoflowObservationAutoConfigurationTests {

	private final TestObservationRegistry observationRegistry = TestObservationRegistry.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowObservationAutoConfiguration.class))
		.withBean(TelcoflowClient.class, () -> mock(TelcoflowClient.class));

	@Test
	void observesCallsWhenAnObservationRegistryExists() {
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observationRegistry).run((context) -> {
			TelcoflowCallObservationListener listener = context.getBean(TelcoflowCallObservationListener.class);
			ActiveCall call = call("call-1");
			listener.onCallStarted(call);
			listener.onCallEnded(call, TerminationReason.CALLEE_HANGUP, Duration.ofSeconds(3));
			TestObservationRegistryAssert.assertThat(this.observationRegistry)
				.hasSingleObservationThat()
				.hasNameEqualTo("telcoflow.call")
				.hasLowCardinalityKeyValue("outcome", "CALLEE_HANGUP");
		});
	}

	@Test
	void observationCanBeDisabledByName() {
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationHandler<Observation.Context> recorder = new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		};
		ApplicationContextRunner withBootObservation = this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withBean(ObservationHandler.class, () -> recorder);
		withBootObservation.run((context) -> {
			callThrough(context.getBean(TelcoflowCallObservationListener.class));
			assertThat(observed).containsExactly("telcoflow.call");
		});
		observed.clear();
		withBootObservation.withPropertyValues("management.observations.enable.telcoflow.call=false")
			.run((context) -> {
				callThrough(context.getBean(TelcoflowCallObservationListener.class));
				assertThat(observed).isEmpty();
			});
	}

	private static void callThrough(TelcoflowCallObservationListener listener) {
		ActiveCall call = call("call-9");
		listener.onCallStarted(call);
		listener.onCallEnded(call, TerminationReason.CALLER_HANGUP, Duration.ofSeconds(1));
	}

	@Test
	void backsOffWithoutObservationRegistry() {
		this.contextRunner
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowCallObservationListener.class));
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.observation."))
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowCallObservationListener.class));
	}

	@Test
	void usesCustomConvention() {
		TelcoflowCallObservationConvention convention = new TelcoflowCallObservationConvention() {

			@Override
			public String getName() {
				return "my.call";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(TelcoflowCallObservationContext context) {
				return KeyValues.empty();
			}

		};
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observationRegistry)
			.withBean(TelcoflowCallObservationConvention.class, () -> convention)
			.run((context) -> {
				TelcoflowCallObservationListener listener = context.getBean(TelcoflowCallObservationListener.class);
				ActiveCall call = call("call-2");
				listener.onCallStarted(call);
				listener.onCallEnded(call, TerminationReason.CLOSED, Duration.ZERO);
				TestObservationRegistryAssert.assertThat(this.observationRegistry)
					.hasSingleObservationThat()
					.hasNameEqualTo("my.call");
			});
	}

	private static ActiveCall call(String id) {
		ActiveCall call = mock(ActiveCall.class);
		given(call.getCallId()).willReturn(id);
		return call;
	}

}
