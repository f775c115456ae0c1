package io.telcoflow.test.autoconfigure;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * {@link TelcoflowConnectionDetails} of an embedded {@link TelcoflowSimulator}: its URL, and its API
 * key or (for mTLS) an SSL bundle with the test client key.
 */
final class SimulatorConnectionDetails implements TelcoflowConnectionDetails {

	private final TelcoflowSimulator simulator;

	private final @Nullable SslBundle sslBundle;

	private final boolean apiKey;

	SimulatorConnectionDetails(TelcoflowSimulator simulator, @Nullable SslBundle sslBundle, boolean apiKey) {
		this.simulator = simulator;
		this.sslBundle = sslBundle;
		this.apiKey = apiKey;
	}

	@Override
	public String getUrl() {
		return this.simulator.url();
	}

	@Override
	public @Nullable String getApiKey() {
		return this.apiKey ? this.simulator.apiKey() : null;
	}

	@Override
	public @Nullable String getConnectorUuid() {
		return this.apiKey ? this.simulator.connectorUuid() : null;
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return this.sslBundle;
	}

	@Override
	public String toString() {
		return "SimulatorConnectionDetails " + this.simulator.url();
	}

}
