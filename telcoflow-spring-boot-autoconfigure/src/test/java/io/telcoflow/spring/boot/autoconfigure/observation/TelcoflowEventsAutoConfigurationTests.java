package io.telcoflow.spring.boot.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowClientListener;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.spring.boot.autoconfigure.health.TelcoflowEndpointAutoConfiguration;
import io.telcoflow.spring.boot.autoconfigure.health.TelcoflowHealthContributorAutoConfiguration;
import io.telcoflow.spring.boot.autoconfigure.metrics.TelcoflowMetricsAutoConfiguration;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import io.telcoflow.spring.event.BufferFullEvent;
import io.telcoflow.spring.event.TelcoflowEvent;
import io.telcoflow.spring.event.TelcoflowEventPublisher;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowEventsAutoConfiguration}.
 */
class TelcoflowEventsAutoConfigurationTests {

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowEventsAutoConfiguration.class));

	@Test
	void publisherNeedsAClient() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowEventPublisher.class));
	}

	@Test
	void eventsReachEventListenersWithTheClientAsSource() {
		this.contextRunner.withBean(TelcoflowClient.class, () -> this.client)
			.withUserConfiguration(RecordingListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(TelcoflowEventPublisher.class);
				ActiveCall call = mock(ActiveCall.class);
				given(call.getCallId()).willReturn("call-1");
				context.getBean(TelcoflowEventPublisher.class).onError(new BufferFullException("full"), call);
				List<TelcoflowEvent> events = context.getBean(RecordingListenerConfiguration.class).events;
				await().untilAsserted(() -> assertThat(events).singleElement()
					.isInstanceOfSatisfying(BufferFullEvent.class, (event) -> {
						assertThat(event.getCallId()).isEqualTo("call-1");
						assertThat(event.getClient()).isSameAs(this.client);
					}));
			});
	}

	@Test
	void userDefinedPublisherWins() {
		TelcoflowEventPublisher custom = new TelcoflowEventPublisher((event) -> {
		}, () -> this.client);
		this.contextRunner.withBean(TelcoflowClient.class, () -> this.client)
			.withBean("customPublisher", TelcoflowEventPublisher.class, () -> custom)
			.run((context) -> assertThat(context).getBean(TelcoflowEventPublisher.class).isSameAs(custom));
	}

	@Test
	void eventsWorkWithoutMicrometerOrActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TelcoflowEventsAutoConfiguration.class,
					TelcoflowObservationAutoConfiguration.class, TelcoflowMetricsAutoConfiguration.class,
					TelcoflowHealthContributorAutoConfiguration.class, TelcoflowEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer.", "org.springframework.boot.actuate.",
					"org.springframework.boot.health."))
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.withBean(TelcoflowClient.class, () -> this.client)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(TelcoflowEventPublisher.class);
				assertThat(context).doesNotHaveBean(TelcoflowHealthIndicator.class);
				assertThat(context.getBeanNamesForType(TelcoflowClientListener.class))
					.containsExactly("telcoflowEventPublisher");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingListenerConfiguration {

		final List<TelcoflowEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TelcoflowEvent event) {
			this.events.add(event);
		}

	}

}
