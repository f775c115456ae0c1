package io.telcoflow.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.metrics.TelcoflowMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TelcoflowMetrics Telcoflow
 * meters}.
 */
@AutoConfiguration(afterName = { "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnSingleCandidate(TelcoflowClient.class)
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
public final class TelcoflowMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TelcoflowMetrics telcoflowMetrics(MeterRegistry meterRegistry, ObjectProvider<TelcoflowClient> client) {
		return new TelcoflowMetrics(meterRegistry, client::getIfUnique);
	}

}
