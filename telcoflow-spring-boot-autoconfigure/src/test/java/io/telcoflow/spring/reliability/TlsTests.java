package io.telcoflow.spring.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.exception.WssException;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.event.ConnectionErrorEvent;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TLS through the starter's SSL bundles keeps the client's checks: a server whose certificate is
 * for another host is refused even though its CA is trusted, and a client certificate from another
 * CA ends in an authentication failure (no retry). The client's own tests cover the same without
 * Spring ({@code TlsConnectionTests}).
 */
class TlsTests {

	private static final String TLS = "classpath:io/telcoflow/simulator/tls/";

	@Test
	void serverCertificateForAnotherHostIsRefusedThoughItsCaIsTrusted() {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.host("127.0.0.2")
			.build()
			.start();
				ConfigurableApplicationContext context = start("telcoflow.url=wss://127.0.0.2:" + simulator.port(),
						"telcoflow.api-key=" + simulator.apiKey(), "telcoflow.connector-uuid=" + simulator.connectorUuid(),
						"telcoflow.ssl.bundle=trust", "spring.ssl.bundle.jks.trust.truststore.location=" + TLS
								+ "test-ca-truststore.p12",
						"spring.ssl.bundle.jks.trust.truststore.password=" + SimulatorTls.TEST_PASSWORD,
						"spring.ssl.bundle.jks.trust.truststore.type=PKCS12")) {
			Errors errors = context.getBean(Errors.class);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(errors.connection).anySatisfy(
						(error) -> assertThat(error).hasStackTraceContaining("127.0.0.2")));
			assertThat(simulator.sessions()).isEmpty();
			assertThat(context.getBean(TelcoflowClient.class).getConnectionState()).isNotEqualTo(ConnectionState.READY);
		}
	}

	@Test
	void clientCertificateFromAnotherCaFailsAuthentication() {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.requireClientCertificate(true)
			.build()
			.start();
				ConfigurableApplicationContext context = start(
						SimulatorApplications.mtlsProperties(simulator, "other-ca-client.p12"))) {
			TelcoflowClient client = context.getBean(TelcoflowClient.class);
			await().atMost(WAIT)
				.until(() -> client.getConnectionState() == ConnectionState.AUTHENTICATION_FAILED);
			assertThat(simulator.sessions()).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties("telcoflow.reconnect.initial-delay=100ms", "telcoflow.reconnect.max-delay=200ms",
					"telcoflow.connect-timeout=2s")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Handler.class, Errors.class })
	static class TestApplication {

	}

	static class Handler {

		@OnIncomingCall
		void onCall(ActiveCall call) {
			call.answer();
		}

	}

	static class Errors {

		final List<WssException> connection = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ConnectionErrorEvent event) {
			this.connection.add(event.getException());
		}

	}

}
