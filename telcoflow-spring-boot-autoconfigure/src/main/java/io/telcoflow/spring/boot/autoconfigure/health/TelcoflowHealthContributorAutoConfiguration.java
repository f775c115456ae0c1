package io.telcoflow.spring.boot.autoconfigure.health;

import java.time.Clock;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import io.telcoflow.spring.boot.health.TelcoflowConnectionStateTracker;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TelcoflowHealthIndicator};
 * {@code management.health.telcoflow.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.AbstractHealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnSingleCandidate(TelcoflowClient.class)
@EnableConfigurationProperties(TelcoflowHealthProperties.class)
public final class TelcoflowHealthContributorAutoConfiguration {

	// Nested so that the health condition is only read once the health module is known to be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("telcoflow")
	static class TelcoflowHealthIndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TelcoflowConnectionStateTracker telcoflowConnectionStateTracker() {
			return new TelcoflowConnectionStateTracker(Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean(name = { "telcoflowHealthIndicator", "telcoflowHealthContributor" })
		TelcoflowHealthIndicator telcoflowHealthIndicator(TelcoflowClient client,
				TelcoflowConnectionStateTracker tracker, TelcoflowHealthProperties properties,
				ObjectProvider<TelcoflowConnectionDetails> connectionDetails) {
			TelcoflowConnectionDetails details = connectionDetails.getIfUnique();
			return new TelcoflowHealthIndicator(client, tracker, properties.getDisconnectedGracePeriod(),
					(details != null) ? details.getUrl() : null);
		}

	}

}
