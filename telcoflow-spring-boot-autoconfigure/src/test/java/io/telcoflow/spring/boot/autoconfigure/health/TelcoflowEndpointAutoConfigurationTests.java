package io.telcoflow.spring.boot.autoconfigure.health;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.spring.boot.actuate.TelcoflowEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TelcoflowEndpointAutoConfiguration}.
 */
class TelcoflowEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowEndpointAutoConfiguration.class))
		.withBean(TelcoflowClient.class, () -> mock(TelcoflowClient.class));

	@Test
	void createsEndpointWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health,telcoflow")
			.run((context) -> assertThat(context).hasSingleBean(TelcoflowEndpoint.class));
	}

	@Test
	void noEndpointWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowEndpoint.class));
	}

	@Test
	void noEndpointWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=telcoflow",
					"management.endpoint.telcoflow.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate."))
			.withPropertyValues("management.endpoints.web.exposure.include=telcoflow")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TelcoflowEndpoint.class));
	}

	@Test
	void backsOffWithoutClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TelcoflowEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=telcoflow")
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowEndpoint.class));
	}

}
