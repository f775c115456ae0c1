package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static ConfigurableApplicationContext start(TelcoflowSimulator simulator) {
		return SimulatorApplications.start(TestApplication.class,
				SimulatorApplications.mtlsProperties(simulator, "client.p12"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Handler.class)
	static class TestApplication {

	}

	static class Handler {

		@OnIncomingCall
		void onCall(ActiveCall call) {
			call.answer();
			call.disconnect();
		}

	}

}
