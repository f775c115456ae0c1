package io.telcoflow.spring.boot.autoconfigure.health;

import java.time.Clock;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.autoconfigure.InvalidTelcoflowPropertyException;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import io.telcoflow.spring.boot.health.TelcoflowConnectionStateTracker;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import io.telcoflow.spring.boot.health.TelcoflowReadinessGroupPostProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TelcoflowHealthIndicator};
 * {@code management.health.telcoflow.enabled=false} turns it off. The indicator is a member of the
 * {@code readiness} health group (not of {@code liveness}) unless the application configures that
 * group's members itself.
 */
@AutoConfiguration(afterName = { "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration",
		"org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration" })
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.AbstractHealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnSingleCandidate(TelcoflowClient.class)
@EnableConfigurationProperties(TelcoflowHealthProperties.class)
public final class TelcoflowHealthContributorAutoConfiguration {

	private static final String FORMER_GRACE_PERIOD_PROPERTY = "telcoflow.health.disconnected-grace-period";

	private static final String READINESS_MEMBERS_PROPERTY = "management.endpoint.health.group.readiness.include";

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
				ObjectProvider<TelcoflowConnectionDetails> connectionDetails, Environment environment) {
			rejectFormerGracePeriodProperty(environment);
			TelcoflowConnectionDetails details = connectionDetails.getIfUnique();
			return new TelcoflowHealthIndicator(client, tracker, properties.getDisconnectedGracePeriod(),
					(details != null) ? details.getUrl() : null);
		}

		// Ordered after Boot's probes (the auto-configuration comes after theirs), so that the
		// readiness group exists when this runs.
		@Bean
		static HealthEndpointGroupsPostProcessor telcoflowReadinessGroupPostProcessor(Environment environment) {
			if (environment.containsProperty(READINESS_MEMBERS_PROPERTY)) {
				// The application chose the group's members: leave them as they are
				return (groups) -> groups;
			}
			return new TelcoflowReadinessGroupPostProcessor("telcoflow");
		}

		private static void rejectFormerGracePeriodProperty(Environment environment) {
			Binder.get(environment).bind(FORMER_GRACE_PERIOD_PROPERTY, String.class).ifBound((value) -> {
				throw new InvalidTelcoflowPropertyException(FORMER_GRACE_PERIOD_PROPERTY, value,
						"The health indicator's grace period moved to Spring Boot's management.health namespace",
						"Rename the property to management.health.telcoflow.disconnected-grace-period.");
			});
		}

	}

}
