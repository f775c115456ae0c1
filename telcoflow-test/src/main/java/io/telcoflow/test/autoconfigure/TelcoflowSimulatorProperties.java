package io.telcoflow.test.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the embedded simulator of
 * {@link AutoConfigureTelcoflowSimulator @AutoConfigureTelcoflowSimulator}, under
 * {@code telcoflow.simulator}. The annotation's attributes map to them. The defaults are written out
 * (the simulator's {@code DEFAULT_API_KEY} and {@code DEFAULT_CONNECTOR_UUID}) so that the
 * configuration metadata shows them; a test keeps them equal.
 */
@ConfigurationProperties("telcoflow.simulator")
public class TelcoflowSimulatorProperties {

	/**
	 * API key the simulator accepts.
	 */
	private String apiKey = "test-api-key";

	/**
	 * Connector UUID the simulator accepts.
	 */
	private String connectorUuid = "0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70";

	/**
	 * Whether the simulator speaks wss:// with its test-only server certificate; the application
	 * then trusts the test CA through an SSL bundle.
	 */
	private boolean tls;

	/**
	 * Whether the simulator requires a client certificate (mTLS, implies tls); the application then
	 * authenticates with a test-only client key and no API key.
	 */
	private boolean clientCertificate;

	/**
	 * Returns the API key the simulator accepts.
	 * @return the API key
	 */
	public String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets the API key the simulator accepts.
	 * @param apiKey the API key
	 */
	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Returns the connector UUID the simulator accepts.
	 * @return the connector UUID
	 */
	public String getConnectorUuid() {
		return this.connectorUuid;
	}

	/**
	 * Sets the connector UUID the simulator accepts.
	 * @param connectorUuid the connector UUID
	 */
	public void setConnectorUuid(String connectorUuid) {
		this.connectorUuid = connectorUuid;
	}

	/**
	 * Returns whether the simulator serves {@code wss://}.
	 * @return whether TLS is on
	 */
	public boolean isTls() {
		return this.tls;
	}

	/**
	 * Sets whether the simulator serves {@code wss://}.
	 * @param tls whether TLS is on
	 */
	public void setTls(boolean tls) {
		this.tls = tls;
	}

	/**
	 * Returns whether the simulator requires a client certificate.
	 * @return whether mTLS is on
	 */
	public boolean isClientCertificate() {
		return this.clientCertificate;
	}

	/**
	 * Sets whether the simulator requires a client certificate.
	 * @param clientCertificate whether mTLS is on
	 */
	public void setClientCertificate(boolean clientCertificate) {
		this.clientCertificate = clientCertificate;
	}

}
