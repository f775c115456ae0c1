package io.telcoflow.spring.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that an application authenticates with the client certificate of a Spring Boot SSL
 * bundle ({@code telcoflow.ssl.bundle}) against the simulator requiring mTLS.
 */
class TelcoflowSslBundleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void clientCertificateFromSslBundleIsAcceptedAndCallsAreTaken() {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.requireClientCertificate(true)
			.build()
			.start(); ConfigurableApplicationContext context = start(simulator)) {
			simulator.awaitReadySessions(1, TIMEOUT);
			SimulatedCall call = simulator.placeCall(CallScript.defaults());
			assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
			assertThat(call.record().commandNames()).containsExactly("answer", "disconnect");
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void reloadedBundleIsUsedForTheNextConnectionsWhileLiveCallsGoOn(@TempDir Path tls) throws Exception {
		Path keyStore = tls.resolve("client.p12");
		Path trustStore = tls.resolve("truststore.p12");
		Files.copy(SimulatorTls.testClientKeyStore(), keyStore);
		Files.copy(SimulatorTls.testCaTrustStore(), trustStore);
		String bundle = "spring.ssl.bundle.jks.telcoflow.";
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.requireClientCertificate(true)
			.build()
			.start();
				ConfigurableApplicationContext context = SimulatorApplications.start(ListeningApplication.class,
						"telcoflow.url=" + simulator.url(), "telcoflow.ssl.bundle=telcoflow",
						bundle + "reload-on-update=true", "spring.ssl.bundle.watch.file.quiet-period=100ms",
						bundle + "keystore.location=file:" + keyStore, bundle + "keystore.type=PKCS12",
						bundle + "keystore.password=" + SimulatorTls.TEST_PASSWORD,
						bundle + "truststore.location=file:" + trustStore, bundle + "truststore.type=PKCS12",
						bundle + "truststore.password=" + SimulatorTls.TEST_PASSWORD,
						"telcoflow.reconnect.initial-delay=100ms", "telcoflow.reconnect.max-delay=200ms")) {
			simulator.awaitReadySessions(1, TIMEOUT);
			SimulatedCall call = simulator.placeCall(CallScript.defaults());
			call.awaitState("ANSWERED", TIMEOUT);
			CountDownLatch reloaded = new CountDownLatch(1);
			context.getBean(SslBundles.class).addBundleUpdateHandler("telcoflow", (updated) -> reloaded.countDown());

			// a certificate the server does not trust: only a new connection can present it
			Files.copy(SimulatorTls.otherCaClientKeyStore(), tls.resolve("next.p12"));
			Files.move(tls.resolve("next.p12"), keyStore, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			assertThat(reloaded.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("bundle reloaded").isTrue();
			simulator.faults().dropControlConnections();
			TelcoflowClient client = context.getBean(TelcoflowClient.class);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(client.getConnectionState())
					.isEqualTo(ConnectionState.AUTHENTICATION_FAILED));

			// the live call kept its media connection: the caller is still heard, and hangs up
			long heard = ListeningHandler.bytesHeard.get();
			call.sendCallerAudio(new byte[4800]);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(ListeningHandler.bytesHeard).hasValueGreaterThanOrEqualTo(heard + 4800));
			assertThat(call.isEnded()).isFalse();
			call.hangUp();
			assertThat(call.awaitEnded(TIMEOUT)).isNotNull();
		}
	}

	private static ConfigurableApplicationContext start(TelcoflowSimulator simulator) {
		return SimulatorApplications.start(TestApplication.class,
				SimulatorApplications.mtlsProperties(simulator, "client.p12"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Handler.class)
	static class TestApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ListeningHandler.class)
	static class ListeningApplication {

	}

	static class ListeningHandler {

		static final AtomicLong bytesHeard = new AtomicLong();

		@OnIncomingCall
		void onCall(ActiveCall call) {
			call.answer();
			for (byte[] chunk : call.audioStream()) {
				bytesHeard.addAndGet(chunk.length);
			}
		}

	}

	static class Handler {

		@OnIncomingCall
		void onCall(ActiveCall call) {
			call.answer();
			call.disconnect();
		}

	}

}
