package io.telcoflow.test.autoconfigure;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = AutoConfigureTelcoflowSimulatorTests.Config.class)
@AutoConfigureTelcoflowSimulator(apiKey = "annotation-key", connectorUuid = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d73")
class AutoConfigureTelcoflowSimulatorTests {

	@Autowired
	private TelcoflowSimulator simulator;

	@Autowired
	private TelcoflowConnectionDetails connectionDetails;

	@Test
	void injectsTheSimulatorTheApplicationIsPointedAt() {
		assertThat(this.connectionDetails.getUrl()).isEqualTo(this.simulator.url());
		assertThat(this.simulator.apiKey()).isEqualTo("annotation-key");
		assertThat(this.connectionDetails.getApiKey()).isEqualTo("annotation-key");
		assertThat(this.connectionDetails.getConnectorUuid()).isEqualTo("0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d73");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class Config {

	}

}
