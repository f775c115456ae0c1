package io.telcoflow.spring.reliability;

import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A simulator and an application on the starter connected to it, for a whole test class
 * ({@code @RegisterExtension static}): started before the first test, with the simulator's faults
 * cleared and its calls hung up after each test, and both stopped after the last.
 */
final class RunningApplication implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private final TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start();

	private final Class<?> application;

	private final String[] properties;

	private @Nullable ConfigurableApplicationContext context;

	/**
	 * Creates the extension.
	 * @param application the application class
	 * @param properties extra properties, {@code name=value}
	 */
	RunningApplication(Class<?> application, String... properties) {
		this.application = application;
		this.properties = properties;
	}

	TelcoflowSimulator simulator() {
		return this.simulator;
	}

	ConfigurableApplicationContext context() {
		if (this.context == null) {
			throw new IllegalStateException("The application is not running");
		}
		return this.context;
	}

	@Override
	public void beforeAll(ExtensionContext extension) {
		this.context = ReliabilityApplications.start(this.application, this.simulator, this.properties);
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		this.simulator.faults().reset();
		this.simulator.calls().forEach(SimulatedCall::hangUp);
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		if (this.context != null) {
			this.context.close();
		}
		this.simulator.close();
	}

}
