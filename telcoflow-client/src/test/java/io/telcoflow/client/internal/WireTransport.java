package io.telcoflow.client.internal;

import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.tls.ClientCertificate;
import io.telcoflow.client.tls.TrustMaterial;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;

/**
 * The three ways a client reaches the server: the end-to-end suites run through each, so that
 * {@code wss://} and mTLS are covered by the same tests as {@code ws://} (the simulator's TEST-ONLY
 * key material).
 */
enum WireTransport {

	/** {@code ws://} with an API key. */
	WS,

	/** {@code wss://} with an API key. */
	WSS,

	/** {@code wss://} with a client certificate (mTLS), no API key. */
	MTLS;

	TelcoflowSimulator.Builder simulator(TelcoflowSimulator.Builder builder) {
		return (this == WS) ? builder : builder.tls(SimulatorTls.testServer()).requireClientCertificate(this == MTLS);
	}

	TelcoflowConfig.Builder authenticate(TelcoflowConfig.Builder config, TelcoflowSimulator simulator) {
		if (this != WS) {
			config.trustMaterial(TrustMaterial.pem(SimulatorTls.testCaCertificatePem()));
		}
		if (this == MTLS) {
			return config.clientCertificate(ClientCertificate.keyStore(SimulatorTls.testClientKeyStore(), "PKCS12",
					SimulatorTls.TEST_PASSWORD.toCharArray()));
		}
		return config.apiKey(simulator.apiKey(), simulator.connectorUuid());
	}

}
