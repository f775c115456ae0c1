package io.telcoflow.test.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TelcoflowSimulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TelcoflowSimulatorAutoConfiguration.class));

	@Test
	void startsSimulatorAndPointsConnectionDetailsAtIt() {
		this.contextRunner.run((context) -> {
			TelcoflowSimulator simulator = context.getBean(TelcoflowSimulator.class);
			TelcoflowConnectionDetails details = context.getBean(TelcoflowConnectionDetails.class);
			assertThat(details.getUrl()).isEqualTo(simulator.url()).startsWith("ws://127.0.0.1:");
			assertThat(details.getApiKey()).isEqualTo(TelcoflowSimulator.DEFAULT_API_KEY);
			assertThat(details.getConnectorUuid()).isEqualTo(TelcoflowSimulator.DEFAULT_CONNECTOR_UUID);
			assertThat(details.getSslBundle()).isNull();
			assertThat(details.toString()).doesNotContain(TelcoflowSimulator.DEFAULT_API_KEY);
		});
	}

	@Test
	void takesCredentialsFromProperties() {
		this.contextRunner
			.withPropertyValues("telcoflow.simulator.api-key=property-key",
					"telcoflow.simulator.connector-uuid=0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d72")
			.run((context) -> {
				assertThat(context.getBean(TelcoflowSimulator.class).apiKey()).isEqualTo("property-key");
				TelcoflowConnectionDetails details = context.getBean(TelcoflowConnectionDetails.class);
				assertThat(details.getApiKey()).isEqualTo("property-key");
				assertThat(details.getConnectorUuid()).isEqualTo("0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d72");
			});
	}

	@Test
	void withTlsTrustsTheTestCaAndKeepsTheApiKey() {
		this.contextRunner.withPropertyValues("telcoflow.simulator.tls=true").run((context) -> {
			TelcoflowConnectionDetails details = context.getBean(TelcoflowConnectionDetails.class);
			assertThat(details.getUrl()).startsWith("wss://localhost:");
			assertThat(details.getApiKey()).isEqualTo(TelcoflowSimulator.DEFAULT_API_KEY);
			SslBundle bundle = details.getSslBundle();
			assertThat(bundle).isNotNull();
			assertThat(bundle.getStores().getKeyStore()).isNull();
			assertThat(bundle.getStores().getTrustStore().size()).isEqualTo(1);
		});
	}

	@Test
	void withClientCertificateAuthenticatesByTheTestClientKeyInsteadOfTheApiKey() {
		this.contextRunner.withPropertyValues("telcoflow.simulator.client-certificate=true").run((context) -> {
			TelcoflowConnectionDetails details = context.getBean(TelcoflowConnectionDetails.class);
			assertThat(details.getUrl()).startsWith("wss://localhost:");
			assertThat(details.getApiKey()).isNull();
			assertThat(details.getConnectorUuid()).isNull();
			SslBundle bundle = details.getSslBundle();
			assertThat(bundle).isNotNull();
			KeyStore keyStore = bundle.getStores().getKeyStore();
			assertThat(keyStore).isNotNull();
			assertThat(Collections.list(keyStore.aliases()))
				.anySatisfy((alias) -> assertThat(keyStore.isKeyEntry(alias)).isTrue());
		});
	}

	@Test
	void backsOffToUserConnectionDetails() {
		TelcoflowConnectionDetails user = () -> "ws://127.0.0.1:9";
		this.contextRunner.withBean(TelcoflowConnectionDetails.class, () -> user).run((context) -> {
			assertThat(context).getBean(TelcoflowConnectionDetails.class).isSameAs(user);
			assertThat(context).hasSingleBean(TelcoflowSimulator.class);
		});
	}

	@Test
	void backsOffToUserSimulator() {
		try (TelcoflowSimulator user = TelcoflowSimulator.builder().build().start()) {
			this.contextRunner.withBean(TelcoflowSimulator.class, () -> user).run((context) -> {
				assertThat(context).getBean(TelcoflowSimulator.class).isSameAs(user);
				assertThat(context.getBean(TelcoflowConnectionDetails.class).getUrl()).isEqualTo(user.url());
			});
		}
	}

	@Test
	void closesSimulatorWithTheContext() {
		AtomicInteger port = new AtomicInteger();
		this.contextRunner.run((context) -> port.set(context.getBean(TelcoflowSimulator.class).port()));

		// The listening socket closes asynchronously when its accept thread wakes up.
		await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(port.get()));
	}

	@Test
	void doesNothingWithoutTheSimulator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(TelcoflowSimulator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TelcoflowConnectionDetails.class));
	}

	private static boolean refusesConnections(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
