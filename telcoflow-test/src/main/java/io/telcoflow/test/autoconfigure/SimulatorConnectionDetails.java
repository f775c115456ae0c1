package io.telcoflow.test.autoconfigure;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;

/**
 * {@link TelcoflowConnectionDetails} of an embedded {@link TelcoflowSimulator}.
 */
final class SimulatorConnectionDetails implements TelcoflowConnectionDetails {

	private final TelcoflowSimulator simulator;

	SimulatorConnectionDetails(TelcoflowSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public String getUrl() {
		return this.simulator.url();
	}

	@Override
	public String getApiKey() {
		return this.simulator.apiKey();
	}

	@Override
	public String getConnectorUuid() {
		return this.simulator.connectorUuid();
	}

	@Override
	public String toString() {
		return "SimulatorConnectionDetails " + this.simulator.url();
	}

}
