package io.telcoflow.simulator;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorTlsTests {

	@Test
	void wssWithApiKeyUsesTheTestServerCertificate() {
		try (TelcoflowSimulator sim = TelcoflowSimulator.builder().tls(SimulatorTls.testServer()).build().start()) {
			assertThat(sim.url()).isEqualTo("wss://localhost:" + sim.port());
			TestWebSocket control = TestWebSocket.connect(sim.controlUrl(), TestWebSocket.apiKeyHeaders(sim),
					SimulatorTls.clientSslContext(null));
			control.await("session.welcome");
			control.send("{\"type\":\"session.ready\",\"sample_rate\":24000,\"max_calls\":0}");
			sim.placeCall();
			String mediaUrl = control.await("call.incoming").path("media_url").asString();
			assertThat(mediaUrl).startsWith("wss://localhost:" + sim.port() + "/v1/calls/");
		}
	}

	@Test
	void mtlsAcceptsAClientCertificateOfTheTestCaWithoutApiKey() {
		try (TelcoflowSimulator sim = mtlsSimulator()) {
			TestWebSocket control = TestWebSocket.connect(sim.controlUrl(), Map.of(),
					SimulatorTls.clientSslContext(SimulatorTls.testClientKeyStore()));
			control.await("session.welcome");
		}
	}

	@Test
	void mtlsRefusesAClientCertificateOfAnotherCa() {
		try (TelcoflowSimulator sim = mtlsSimulator()) {
			assertThat(TestWebSocket.refusalStatus(sim.controlUrl(), Map.of(),
					SimulatorTls.clientSslContext(SimulatorTls.otherCaClientKeyStore()))).isEqualTo(-1);
			assertThat(sim.allSessions()).isEmpty();
		}
	}

	@Test
	void mtlsRefusesAClientWithoutCertificate() {
		try (TelcoflowSimulator sim = mtlsSimulator()) {
			assertThat(TestWebSocket.refusalStatus(sim.controlUrl(), TestWebSocket.apiKeyHeaders(sim),
					SimulatorTls.clientSslContext(null))).isEqualTo(-1);
			assertThat(sim.allSessions()).isEmpty();
		}
	}

	@Test
	void testMaterialIsAvailableAsFiles() throws Exception {
		assertThat(Files.readString(SimulatorTls.testCaCertificatePem())).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(Files.readString(SimulatorTls.testClientCertificatePem())).contains("-----BEGIN CERTIFICATE-----");
		assertThat(Files.readString(SimulatorTls.testClientPrivateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.readString(SimulatorTls.otherCaClientPrivateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(SimulatorTls.testClientKeyStore()).isRegularFile();
		assertThat(SimulatorTls.otherCaClientKeyStore()).isRegularFile();
		assertThat(SimulatorTls.testCaTrustStore()).isRegularFile();
		assertThat(SimulatorTls.testServer().keyStore()).isRegularFile();
		assertThat(SimulatorTls.TEST_PASSWORD).isEqualTo("changeit");
	}

	@Test
	void clientCertificateWithoutTlsIsAConfigurationError() {
		assertThatThrownBy(() -> TelcoflowSimulator.builder().requireClientCertificate(true).build())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("tls");
	}

	private static TelcoflowSimulator mtlsSimulator() {
		return TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.requireClientCertificate(true)
			.heartbeatInterval(Duration.ofSeconds(5))
			.build()
			.start();
	}

}
