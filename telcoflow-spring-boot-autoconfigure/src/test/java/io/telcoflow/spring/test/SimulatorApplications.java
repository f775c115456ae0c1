package io.telcoflow.spring.test;

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
