package io.telcoflow.spring.boot.autoconfigure.health;

import java.time.Duration;
import java.util.Collections;

import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.autoconfigure.InvalidTelcoflowPropertyException;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import io.telcoflow.spring.boot.health.TelcoflowConnectionStateTracker;
import io.telcoflow.spring.boot.health.TelcoflowHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowHealthContributorAutoConfiguration}.
 */
class TelcoflowHealthContributorAutoConfigurationTests {

	private static final Class<?>[] HEALTH_ENDPOINT_CONFIGURATIONS = { HealthContributorAutoConfiguration.class,
			HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
			AvailabilityProbesAutoConfiguration.class };

	private final TelcoflowClient client = mock(TelcoflowClient.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowHealthContributorAutoConfiguration.class))
		.withBean(TelcoflowClient.class, () -> this.client);

	@Test
	void createsIndicatorAndStateTracker() {
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		given(this.client.getActiveCalls()).willReturn(Collections.emptyList());
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TelcoflowHealthIndicator.class)
				.hasSingleBean(TelcoflowConnectionStateTracker.class);
			assertThat(context.getBean(TelcoflowHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void disabledByProperty() {
		this.contextRunner.withPropertyValues("management.health.telcoflow.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowHealthIndicator.class));
	}

	@Test
	void gracePeriodDefaultsToThirtySecondsAndIsConfigurable() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(TelcoflowHealthProperties.class).getDisconnectedGracePeriod())
			.isEqualTo(Duration.ofSeconds(30)));
		this.contextRunner.withPropertyValues("management.health.telcoflow.disconnected-grace-period=5s")
			.run((context) -> assertThat(
					context.getBean(TelcoflowHealthProperties.class).getDisconnectedGracePeriod())
				.isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void formerGracePeriodPropertyFailsStartupNamingItsReplacement() {
		this.contextRunner.withPropertyValues("telcoflow.health.disconnected-grace-period=5s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidTelcoflowPropertyException.class)
				.hasMessageContaining("telcoflow.health.disconnected-grace-period")
				.satisfies((ex) -> assertThat(((InvalidTelcoflowPropertyException) ex).getAction())
					.contains("management.health.telcoflow.disconnected-grace-period")));
	}

	@Test
	void indicatorIsInTheReadinessGroupAndNotTheLivenessGroup() {
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		given(this.client.getActiveCalls()).willReturn(Collections.emptyList());
		this.contextRunner.withConfiguration(AutoConfigurations.of(HEALTH_ENDPOINT_CONFIGURATIONS))
			.withBean(ApplicationAvailabilityBean.class)
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("telcoflow")).isTrue();
				assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
				assertThat(groups.get("liveness").isMember("telcoflow")).isFalse();
				assertThat(groups.getPrimary().isMember("telcoflow")).isTrue();
			});
	}

	@Test
	void readinessGroupConfiguredByTheUserIsLeftAsConfigured() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(HEALTH_ENDPOINT_CONFIGURATIONS))
			.withBean(ApplicationAvailabilityBean.class)
			.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("telcoflow"))
				.isFalse());
	}

	@Test
	void showsUrlFromConnectionDetailsWithoutCredentials() {
		given(this.client.getConnectionState()).willReturn(ConnectionState.READY);
		given(this.client.getActiveCalls()).willReturn(Collections.emptyList());
		TelcoflowConnectionDetails details = new TelcoflowConnectionDetails() {

			@Override
			public String getUrl() {
				return "wss://telcoflow.example.com?token=s3cr3t";
			}

			@Override
			public String getApiKey() {
				return "s3cr3t-api-key";
			}

		};
		this.contextRunner.withBean(TelcoflowConnectionDetails.class, () -> details).run((context) -> {
			Health health = context.getBean(TelcoflowHealthIndicator.class).health();
			assertThat(health.getDetails()).containsEntry("url", "wss://telcoflow.example.com");
			assertThat(health.toString()).doesNotContain("s3cr3t");
		});
	}

	@Test
	void userDefinedIndicatorWins() {
		HealthIndicator custom = () -> Health.up().build();
		this.contextRunner.withBean("telcoflowHealthIndicator", HealthIndicator.class, () -> custom)
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowHealthIndicator.class)
				.getBean("telcoflowHealthIndicator")
				.isSameAs(custom));
	}

	@Test
	void backsOffWithoutHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health."))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TelcoflowHealthIndicator.class));
	}

	@Test
	void backsOffWithoutClient() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TelcoflowHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowHealthIndicator.class));
	}

}
