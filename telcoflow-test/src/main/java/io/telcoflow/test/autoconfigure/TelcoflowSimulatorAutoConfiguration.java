package io.telcoflow.test.autoconfigure;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration imported by {@link AutoConfigureTelcoflowSimulator @AutoConfigureTelcoflowSimulator}:
 * an embedded {@link TelcoflowSimulator} and the {@link TelcoflowConnectionDetails} that point the
 * application at it. Runs before the Telcoflow auto-configuration, so that its properties-based
 * connection details back off.
 */
@AutoConfiguration(beforeName = "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration")
@ConditionalOnClass(TelcoflowSimulator.class)
public final class TelcoflowSimulatorAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TelcoflowSimulator telcoflowSimulator(Environment environment) {
		String apiKey = environment.getProperty("telcoflow.simulator.api-key", TelcoflowSimulator.DEFAULT_API_KEY);
		String connectorUuid = environment.getProperty("telcoflow.simulator.connector-uuid",
				TelcoflowSimulator.DEFAULT_CONNECTOR_UUID);
		return TelcoflowSimulator.builder().apiKey(apiKey, connectorUuid).build().start();
	}

	@Bean
	@ConditionalOnMissingBean(TelcoflowConnectionDetails.class)
	SimulatorConnectionDetails telcoflowSimulatorConnectionDetails(TelcoflowSimulator simulator) {
		return new SimulatorConnectionDetails(simulator);
	}

}
