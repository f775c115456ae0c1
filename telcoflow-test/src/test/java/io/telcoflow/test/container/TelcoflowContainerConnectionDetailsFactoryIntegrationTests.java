package io.telcoflow.test.container;

import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@EnabledIfSimulatorImage
@Testcontainers
@SpringJUnitConfig
class TelcoflowContainerConnectionDetailsFactoryIntegrationTests {

	private static final String CONNECTOR = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d74";

	@Container
	@ServiceConnection
	static final TelcoflowSimulatorContainer telcoflow = new TelcoflowSimulatorContainer()
		.withCredentials("container-key", CONNECTOR);

	@Autowired
	private TelcoflowConnectionDetails connectionDetails;

	@Test
	void suppliesUrlAndCredentialsOfTheContainer() {
		assertThat(this.connectionDetails.getUrl()).isEqualTo(telcoflow.getUrl())
			.isEqualTo("ws://127.0.0.1:" + telcoflow.getSimulatorPort());
		assertThat(this.connectionDetails.getApiKey()).isEqualTo("container-key");
		assertThat(this.connectionDetails.getConnectorUuid()).isEqualTo(CONNECTOR);
		assertThat(this.connectionDetails.getSslBundle()).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
