package io.telcoflow.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.metrics.TelcoflowMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowMetricsAutoConfiguration}.
 */
class TelcoflowMetricsAutoConfigurationTests {

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowMetricsAutoConfiguration.class))
		.withBean(TelcoflowClient.class, () -> this.client);

	@Test
	void registersMetersInTheMeterRegistry() {
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(TelcoflowMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(TelcoflowMetrics.CONNECTION_STATE).tag("state", "READY").gauge().value())
				.isOne();
			assertThat(registry.find(TelcoflowMetrics.ERRORS).counters()).isNotEmpty();
		});
	}

	@Test
	void worksWithBootsMetricsAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					TelcoflowMetricsAutoConfiguration.class))
			.withPropertyValues("management.metrics.use-global-registry=false")
			.withBean(TelcoflowClient.class, () -> this.client)
			.run((context) -> {
				assertThat(context).hasSingleBean(TelcoflowMetrics.class);
				assertThat(context.getBean(MeterRegistry.class).find(TelcoflowMetrics.CALLS_ACTIVE).gauge())
					.isNotNull();
			});
	}

	@Test
	void backsOffWithoutMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowMetrics.class));
	}

	@Test
	void backsOffWithoutClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TelcoflowMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core."))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TelcoflowMetrics.class));
	}

	@Test
	void userDefinedMetricsWin() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		TelcoflowMetrics custom = new TelcoflowMetrics(registry, () -> this.client);
		this.contextRunner.withBean(SimpleMeterRegistry.class, () -> registry)
			.withBean("customMetrics", TelcoflowMetrics.class, () -> custom)
			.run((context) -> assertThat(context).getBean(TelcoflowMetrics.class).isSameAs(custom));
	}

}
