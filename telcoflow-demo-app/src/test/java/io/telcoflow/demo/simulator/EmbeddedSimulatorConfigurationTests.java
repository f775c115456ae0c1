package io.telcoflow.demo.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.demo.DemoProperties;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.mockito.Mockito.mock;

class EmbeddedSimulatorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(UserConfigurations.of(DemoPropertiesConfiguration.class, EmbeddedSimulatorConfiguration.class))
		.withConfiguration(AutoConfigurations.of(TelcoflowAutoConfiguration.class));

	@Test
	void withoutTelcoflowUrlTheStarterConnectsToAnEmbeddedSimulator() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TelcoflowSimulator.class);
			TelcoflowSimulator simulator = context.getBean(TelcoflowSimulator.class);
			TelcoflowConnectionDetails details = context.getBean(TelcoflowConnectionDetails.class);
			assertThat(details).isInstanceOf(SimulatorConnectionDetails.class);
			assertThat(details.getUrl()).isEqualTo(simulator.url()).startsWith("ws://127.0.0.1:");
			assertThat(details.getApiKey()).isEqualTo(simulator.apiKey());
			assertThat(details.getConnectorUuid()).isEqualTo(simulator.connectorUuid());
			assertThat(context).hasSingleBean(SimulatedCallers.class);
		});
	}

	@Test
	void blankTelcoflowUrlCountsAsNotSet() {
		this.runner.withPropertyValues("telcoflow.url= ")
			.run((context) -> assertThat(context).hasSingleBean(TelcoflowSimulator.class));
	}

	@Test
	void withTelcoflowUrlNoSimulatorStartsAndThePropertiesAreUsed() {
		this.runner
			.withPropertyValues("telcoflow.url=wss://telcoflow.example.com", "telcoflow.api-key=k",
					"telcoflow.connector-uuid=0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70")
			.withBean("telcoflowClient", TelcoflowClient.class, () -> mock(TelcoflowClient.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TelcoflowSimulator.class).doesNotHaveBean(SimulatedCallers.class);
				assertThat(context.getBean(TelcoflowConnectionDetails.class).getUrl())
					.isEqualTo("wss://telcoflow.example.com");
			});
	}

	@Test
	void autoCallsCanBeSwitchedOff() {
		this.runner.withPropertyValues("demo.simulator.auto-calls=false").run((context) -> {
			assertThat(context).hasSingleBean(TelcoflowSimulator.class);
			assertThat(context).doesNotHaveBean(SimulatedCallers.class);
		});
	}

	@Test
	void simulatorStopsWithTheApplication() {
		String[] url = new String[1];
		this.runner.run((context) -> {
			url[0] = context.getBean(TelcoflowSimulator.class).url().replace("ws://", "http://");
			assertThat(get(url[0])).isNotNull();
		});
		assertThatIOException().isThrownBy(() -> get(url[0]));
	}

	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/control")).timeout(Duration.ofSeconds(2)).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class DemoPropertiesConfiguration {

	}

}
