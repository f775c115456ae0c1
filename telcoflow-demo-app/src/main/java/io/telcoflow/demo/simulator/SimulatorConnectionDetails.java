package io.telcoflow.demo.simulator;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;

/**
 * Points the starter at the embedded simulator, with the API key and connector it accepts.
 */
class SimulatorConnectionDetails implements TelcoflowConnectionDetails {

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

}
