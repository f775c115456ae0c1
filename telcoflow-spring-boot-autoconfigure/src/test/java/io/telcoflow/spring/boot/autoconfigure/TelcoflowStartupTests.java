package io.telcoflow.spring.boot.autoconfigure;

import java.time.Duration;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests how an application starts against the simulator when the server is down or refuses the
 * credentials: neither fails the startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelcoflowStartupTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void serverDownAtStartupIsReachedLaterAndCallsAreTaken() {
		TelcoflowSimulator first = TelcoflowSimulator.builder().build().start();
		int port = first.port();
		first.close();
		try (ConfigurableApplicationContext context = start("ws://127.0.0.1:" + port,
				TelcoflowSimulator.DEFAULT_API_KEY, "telcoflow.reconnect.initial-delay=50ms",
				"telcoflow.reconnect.max-delay=200ms")) {
			assertThat(context.getBean(TelcoflowClient.class).getConnectionState())
				.isIn(ConnectionState.CONNECTING, ConnectionState.RECONNECTING);
			try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().port(port).build().start()) {
				simulator.awaitReadySessions(1, TIMEOUT);
				SimulatedCall call = simulator.placeCall(CallScript.defaults());
				assertThat(call.awaitEnded(TIMEOUT)).isEqualTo("disconnected");
			}
		}
	}

	@Test
	void refusedCredentialsDoNotFailTheStartupAndAreLoggedWithoutTheKey(CapturedOutput output) {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();
				ConfigurableApplicationContext context = start(simulator.url(), "wrong-secret-key")) {
			TelcoflowClient client = context.getBean(TelcoflowClient.class);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(client.getConnectionState())
					.isEqualTo(ConnectionState.AUTHENTICATION_FAILED));
			assertThat(context.isRunning()).isTrue();
			assertThat(output).contains("The Telcoflow server refused this application's credentials")
				.doesNotContain("wrong-secret-key");
		}
	}

	private static ConfigurableApplicationContext start(String url, String apiKey, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties("telcoflow.url=" + url, "telcoflow.api-key=" + apiKey,
					"telcoflow.connector-uuid=" + TelcoflowSimulator.DEFAULT_CONNECTOR_UUID)
			.properties(properties)
			.run();
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
