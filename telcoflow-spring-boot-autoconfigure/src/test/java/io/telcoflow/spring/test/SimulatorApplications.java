package io.telcoflow.spring.test;

import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points test applications on the starter at a simulator: the one place that maps a simulator to
 * {@code telcoflow.*} properties in this module's tests.
 */
public final class SimulatorApplications {

	/** Where the simulator's TEST-ONLY TLS material is on the class path. */
	private static final String TLS = "classpath:io/telcoflow/simulator/tls/";

	private SimulatorApplications() {
	}

	/**
	 * Returns the connection properties of a simulator.
	 * @param simulator the simulator
	 * @return url, api key and connector as {@code name=value} pairs
	 */
	public static String[] connectionProperties(TelcoflowSimulator simulator) {
		return new String[] { "telcoflow.url=" + simulator.url(), "telcoflow.api-key=" + simulator.apiKey(),
				"telcoflow.connector-uuid=" + simulator.connectorUuid() };
	}

	/**
	 * Returns the mTLS connection properties of a simulator started with
	 * {@code SimulatorTls.testServer()}: its URL and an SSL bundle named {@code telcoflow} holding a
	 * client key store ({@code client.p12} of the simulator's TEST-ONLY material, or another) and
	 * the test CA as the trust store.
	 * @param simulator the simulator
	 * @param clientKeyStore the client key store's file name in the simulator's TLS material
	 * @return the properties as {@code name=value} pairs
	 */
	public static String[] mtlsProperties(TelcoflowSimulator simulator, String clientKeyStore) {
		String bundle = "spring.ssl.bundle.jks.telcoflow.";
		return new String[] { "telcoflow.url=" + simulator.url(), "telcoflow.ssl.bundle=telcoflow",
				bundle + "keystore.location=" + TLS + clientKeyStore,
				bundle + "keystore.password=" + SimulatorTls.TEST_PASSWORD, bundle + "keystore.type=PKCS12",
				bundle + "truststore.location=" + TLS + "test-ca-truststore.p12",
				bundle + "truststore.password=" + SimulatorTls.TEST_PASSWORD, bundle + "truststore.type=PKCS12" };
	}

	/**
	 * Registers the connection properties of a simulator for a {@code @SpringBootTest}.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 * @param simulator the simulator
	 */
	public static void register(DynamicPropertyRegistry registry, TelcoflowSimulator simulator) {
		registry.add("telcoflow.url", simulator::url);
		registry.add("telcoflow.api-key", simulator::apiKey);
		registry.add("telcoflow.connector-uuid", simulator::connectorUuid);
	}

	/**
	 * Runs an application without a web server.
	 * @param application the application class
	 * @param properties {@code name=value} pairs
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).properties(properties).run();
	}

}
