package io.telcoflow.client.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.client.exception.WssConnectionException;
import io.telcoflow.client.tls.ClientCertificate;
import io.telcoflow.client.tls.TrustMaterial;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code wss://} and mTLS against the simulator with its test-only key material.
 */
class TlsConnectionTests {

	private static final char[] PASSWORD = SimulatorTls.TEST_PASSWORD.toCharArray();

	private SimulatorFixture mtlsSimulator() {
		return new SimulatorFixture(TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.requireClientCertificate(true)
			.heartbeatInterval(Duration.ofSeconds(2)));
	}

	private TelcoflowConfig.Builder mtlsConfig(SimulatorFixture fixture, ClientCertificate certificate) {
		return TelcoflowConfig.builder()
			.url(fixture.simulator.url())
			.clientCertificate(certificate)
			.trustMaterial(TrustMaterial.pem(SimulatorTls.testCaCertificatePem()))
			.commandTimeout(Duration.ofSeconds(2))
			.connectTimeout(Duration.ofSeconds(3))
			.reconnectBackoff(new io.telcoflow.client.ReconnectBackoff(Duration.ofMillis(100), 2, Duration.ofMillis(500)));
	}

	@Test
	void mtlsWithAKeystoreCertificateFromTheTrustedCaCarriesCalls() throws Exception {
		try (SimulatorFixture fixture = mtlsSimulator()) {
			RecordingClientListener listener = new RecordingClientListener();
			ClientCertificate certificate = ClientCertificate.keyStore(SimulatorTls.testClientKeyStore(), "PKCS12",
					PASSWORD);
			BlockingQueue<ActiveCall> calls = fixture.readyClient(mtlsConfig(fixture, certificate).build(), listener,
					ActiveCall::answer);
			SimulatedCall simulated = fixture.simulator.placeCall(CallScript.defaults());
			SimulatorFixture.take(calls);
			simulated.awaitState("ANSWERED", SimulatorFixture.WAIT);
			assertThat(certificate.toString()).doesNotContain(SimulatorTls.TEST_PASSWORD);
		}
	}

	@Test
	void mtlsWithPemCertificateAndKeyConnects() {
		try (SimulatorFixture fixture = mtlsSimulator()) {
			ClientCertificate certificate = ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
					SimulatorTls.testClientPrivateKeyPem());
			TelcoflowClient client = fixture.client(mtlsConfig(fixture, certificate).build(),
					new RecordingClientListener());
			client.connect();
			assertThat(client.getConnectionState()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void mtlsWithACertificateFromAnotherCaFailsWithAuthenticationException() {
		try (SimulatorFixture fixture = mtlsSimulator()) {
			RecordingClientListener listener = new RecordingClientListener();
			ClientCertificate certificate = ClientCertificate.keyStore(SimulatorTls.otherCaClientKeyStore(), "PKCS12",
					PASSWORD);
			TelcoflowClient client = fixture.client(mtlsConfig(fixture, certificate).build(), listener);
			assertThatExceptionOfType(WssAuthenticationException.class).isThrownBy(client::connect);
			assertThat(client.getConnectionState()).isEqualTo(ConnectionState.AUTHENTICATION_FAILED);
			// a retry would have been scheduled when the attempt failed, so reported before the close
			client.disconnect();
			await().untilAsserted(() -> assertThat(listener.states).contains(ConnectionState.CLOSED));
			assertThat(listener.reconnectAttempts).isEmpty();
		}
	}

	@Test
	void readySslContextIsUsedAsIs() {
		try (SimulatorFixture fixture = mtlsSimulator()) {
			TelcoflowClient client = fixture.client(TelcoflowConfig.builder()
				.url(fixture.simulator.url())
				.sslContext(SimulatorTls.clientSslContext(SimulatorTls.testClientKeyStore()))
				.build(), new RecordingClientListener());
			client.connect();
			assertThat(client.getConnectionState()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void serverCertificateForAnotherHostNameIsRefused() {
		try (SimulatorFixture fixture = new SimulatorFixture(
				TelcoflowSimulator.builder().tls(SimulatorTls.testServer()).host("127.0.0.2"))) {
			RecordingClientListener listener = new RecordingClientListener();
			TelcoflowClient client = fixture.client(TelcoflowConfig.builder()
				.url("wss://127.0.0.2:" + fixture.simulator.port())
				.apiKey(fixture.simulator.apiKey(), fixture.simulator.connectorUuid())
				.trustMaterial(TrustMaterial.pem(SimulatorTls.testCaCertificatePem()))
				.connectTimeout(Duration.ofSeconds(2))
				.build(), listener);
			assertThatExceptionOfType(WssConnectionException.class).isThrownBy(client::connect)
				.withStackTraceContaining("127.0.0.2");
			assertThat(fixture.simulator.sessions()).isEmpty();
		}
	}

}
