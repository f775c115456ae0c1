package io.telcoflow.spring.reliability;

import java.time.Duration;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.client.ConnectionState;
import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.client.TelcoflowConfig;
import io.telcoflow.client.exception.WssAuthenticationException;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowProperties;
import io.telcoflow.spring.boot.autoconfigure.health.TelcoflowSanitizingAutoConfiguration;
import io.telcoflow.spring.listener.TelcoflowLifecycle;
import io.telcoflow.spring.test.SimulatorApplications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static io.telcoflow.spring.reliability.ReliabilityApplications.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * No secret leaks: neither the API key nor a keystore password appears in any line logged at DEBUG
 * by the client, the starter, Spring WebSocket and Tomcat through calls, faults, refused
 * credentials and mTLS; nor in exception messages, {@code toString()} of the configuration, the
 * connection details or the client; nor in the Actuator {@code env} and {@code configprops}
 * endpoints, even when they are set to show values.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

	private static final String API_KEY = "tf-live-4f1d9c0b7e2a";

	private static final String WRONG_API_KEY = "tf-live-0000wrong0000";

	private static final String[] DEBUG_LOGGING = { "logging.level.io.telcoflow=TRACE",
			"logging.level.org.springframework.web.socket=TRACE", "logging.level.org.apache.tomcat=DEBUG",
			"logging.level.org.springframework.boot.ssl=DEBUG", "logging.level.org.springframework.boot.context=DEBUG" };

	@Test
	void noSecretInAnyLogLineAtDebug(CapturedOutput output) {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.apiKey(API_KEY, TelcoflowSimulator.DEFAULT_CONNECTOR_UUID)
			.build()
			.start();
				ConfigurableApplicationContext context = ReliabilityApplications.start(TestApplication.class, simulator,
						DEBUG_LOGGING)) {
			SimulatedCall call = simulator.placeCall(ReliabilityApplications.talkingCaller());
			call.awaitState("ANSWERED", WAIT);
			simulator.faults().dropMediaConnection(call.callId());
			await().atMost(WAIT).until(() -> call.record().mediaConnections() == 2);
			simulator.faults().dropControlConnections();
			call.hangUp();
			call.awaitEnded(WAIT);
			simulator.placeCall(CallScript.builder().hangUpAfter(Duration.ofMillis(200)).build()).awaitEnded(WAIT);
			simulator.faults().revokeCredentials();
			TelcoflowClient client = context.getBean(TelcoflowClient.class);
			await().atMost(WAIT).until(() -> client.getConnectionState() == ConnectionState.AUTHENTICATION_FAILED);
			try (ConfigurableApplicationContext refused = new SpringApplicationBuilder(TestApplication.class)
				.web(WebApplicationType.NONE)
				.properties("telcoflow.url=" + simulator.url(), "telcoflow.api-key=" + WRONG_API_KEY,
						"telcoflow.connector-uuid=" + TelcoflowSimulator.DEFAULT_CONNECTOR_UUID)
				.properties(DEBUG_LOGGING)
				.run()) {
				await().atMost(WAIT)
					.until(() -> refused.getBean(TelcoflowClient.class)
						.getConnectionState() == ConnectionState.AUTHENTICATION_FAILED);
			}
		}
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder()
			.tls(SimulatorTls.testServer())
			.requireClientCertificate(true)
			.build()
			.start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
					.web(WebApplicationType.NONE)
					.properties(mtlsProperties(simulator))
					.properties(DEBUG_LOGGING)
					.run()) {
			simulator.awaitReadySessions(1, WAIT);
			simulator.placeCall(CallScript.builder().hangUpAfter(Duration.ofMillis(200)).build()).awaitEnded(WAIT);
		}
		assertThat(output).contains("Telcoflow control connection open")
			.contains("The Telcoflow server refused this application's credentials")
			.contains("media ")
			.doesNotContain(API_KEY)
			.doesNotContain(WRONG_API_KEY)
			.doesNotContain(SimulatorTls.TEST_PASSWORD);
	}

	@Test
	void noSecretInToStringOrExceptionMessages() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TelcoflowAutoConfiguration.class))
			.withBean(TelcoflowLifecycle.class, () -> mock(TelcoflowLifecycle.class))
			.withPropertyValues("telcoflow.url=ws://127.0.0.1:9", "telcoflow.api-key=" + API_KEY,
					"telcoflow.connector-uuid=" + TelcoflowSimulator.DEFAULT_CONNECTOR_UUID)
			.run((context) -> {
				assertThat(context.getBean(TelcoflowProperties.class).toString()).doesNotContain(API_KEY);
				assertThat(context.getBean(TelcoflowConnectionDetails.class).toString()).doesNotContain(API_KEY);
				assertThat(context.getBean(TelcoflowConfig.class).toString()).doesNotContain(API_KEY);
				assertThat(context.getBean(TelcoflowClient.class).toString()).doesNotContain(API_KEY);
			});
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();
				TelcoflowClient client = TelcoflowClient.create(TelcoflowConfig.builder()
					.url(simulator.url())
					.apiKey(WRONG_API_KEY, simulator.connectorUuid())
					.build())) {
			client.onIncomingCall(ActiveCall::answer);
			WssAuthenticationException refused = org.assertj.core.api.Assertions
				.catchThrowableOfType(WssAuthenticationException.class, client::connect);
			assertThat(refused).isNotNull();
			assertThat(refused.toString()).doesNotContain(WRONG_API_KEY);
			assertThat(client.toString()).doesNotContain(WRONG_API_KEY);
		}
	}

	@Test
	void actuatorShowsNeitherTheApiKeyNorItsPasswordsEvenWithValuesShown() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TelcoflowAutoConfiguration.class,
					TelcoflowSanitizingAutoConfiguration.class, EndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withBean(TelcoflowLifecycle.class, () -> mock(TelcoflowLifecycle.class))
			.withPropertyValues("telcoflow.url=ws://127.0.0.1:9", "telcoflow.api-key=" + API_KEY,
					"telcoflow.connector-uuid=" + TelcoflowSimulator.DEFAULT_CONNECTOR_UUID,
					"management.endpoints.web.exposure.include=*",
					"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always")
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(env.environmentEntry("telcoflow.api-key").getProperty().getValue()).isEqualTo("******");
				assertThat(env.environmentEntry("telcoflow.url").getProperty().getValue())
					.isEqualTo("ws://127.0.0.1:9");
				ConfigurationPropertiesReportEndpoint configprops = context
					.getBean(ConfigurationPropertiesReportEndpoint.class);
				String report = String.valueOf(configprops.configurationPropertiesWithPrefix("telcoflow")
					.getContexts()
					.values()
					.iterator()
					.next()
					.getBeans()
					.get("telcoflow-" + TelcoflowProperties.class.getName())
					.getProperties());
				assertThat(report).contains("ws://127.0.0.1:9").contains("apiKey=******").doesNotContain(API_KEY);
			});
	}

	private static String[] mtlsProperties(TelcoflowSimulator simulator) {
		return SimulatorApplications.mtlsProperties(simulator, "client.p12");
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
			call.sendAudio(new byte[1920]);
			try {
				call.whisper();
			}
			catch (RuntimeException ex) {
				// rejected (INVALID_STATE): command errors are part of the scenario
			}
			for (byte[] chunk : call.audioStream()) {
				// listen until the caller hangs up
			}
		}

	}

}
