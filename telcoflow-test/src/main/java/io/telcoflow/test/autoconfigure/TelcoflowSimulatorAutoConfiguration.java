package io.telcoflow.test.autoconfigure;

import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;
import io.telcoflow.spring.boot.autoconfigure.TelcoflowConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration imported by {@link AutoConfigureTelcoflowSimulator @AutoConfigureTelcoflowSimulator}:
 * an embedded {@link TelcoflowSimulator} and the {@link TelcoflowConnectionDetails} that point the
 * application at it. Runs before the Telcoflow auto-configuration, so that its properties-based
 * connection details back off.
 */
@AutoConfiguration(beforeName = "io.telcoflow.spring.boot.autoconfigure.TelcoflowAutoConfiguration")
@ConditionalOnClass(TelcoflowSimulator.class)
@EnableConfigurationProperties(TelcoflowSimulatorProperties.class)
public final class TelcoflowSimulatorAutoConfiguration {

	private static final String PKCS12 = "PKCS12";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TelcoflowSimulator telcoflowSimulator(TelcoflowSimulatorProperties properties) {
		TelcoflowSimulator.Builder builder = TelcoflowSimulator.builder()
			.apiKey(properties.getApiKey(), properties.getConnectorUuid());
		if (properties.isTls() || properties.isClientCertificate()) {
			builder.tls(SimulatorTls.testServer()).requireClientCertificate(properties.isClientCertificate());
		}
		return builder.build().start();
	}

	@Bean
	@ConditionalOnMissingBean(TelcoflowConnectionDetails.class)
	SimulatorConnectionDetails telcoflowSimulatorConnectionDetails(TelcoflowSimulator simulator,
			TelcoflowSimulatorProperties properties) {
		boolean clientCertificate = properties.isClientCertificate();
		return new SimulatorConnectionDetails(simulator, sslBundle(simulator, clientCertificate), !clientCertificate);
	}

	private static @Nullable SslBundle sslBundle(TelcoflowSimulator simulator, boolean clientCertificate) {
		if (!simulator.url().startsWith("wss:")) {
			return null;
		}
		JksSslStoreDetails trustStore = store(SimulatorTls.testCaTrustStore().toUri().toString());
		JksSslStoreDetails keyStore = clientCertificate ? store(SimulatorTls.testClientKeyStore().toUri().toString())
				: null;
		return SslBundle.of(new JksSslStoreBundle(keyStore, trustStore));
	}

	private static JksSslStoreDetails store(String location) {
		return new JksSslStoreDetails(PKCS12, null, location, SimulatorTls.TEST_PASSWORD);
	}

}
