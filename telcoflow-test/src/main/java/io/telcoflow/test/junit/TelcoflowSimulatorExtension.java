package io.telcoflow.test.junit;

import java.util.function.Consumer;

import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that runs an embedded {@link TelcoflowSimulator} for tests without Spring.
 * Registered on a {@code static} field, one simulator serves the whole test class; on an instance
 * field, each test gets its own. Test and lifecycle methods can also take the simulator as a
 * parameter.
 *
 * <pre class="code">
 * &#064;RegisterExtension
 * static TelcoflowSimulatorExtension telcoflow = new TelcoflowSimulatorExtension();
 *
 * &#064;Test
 * void answersTheCall() {
 *     TelcoflowConfig config = TelcoflowConfig.builder()
 *         .url(telcoflow.url())
 *         .apiKey(telcoflow.apiKey(), telcoflow.connectorUuid())
 *         .build();
 *     try (TelcoflowClient client = TelcoflowClient.create(config)) {
 *         client.onIncomingCall((call) -&gt; call.answer());
 *         client.connect();
 *         client.ready();
 *         SimulatedCall call = telcoflow.simulator().placeCall(CallScript.defaults());
 *         call.awaitState("ANSWERED", Duration.ofSeconds(5));
 *     }
 * }
 * </pre>
 */
public final class TelcoflowSimulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final Consumer<TelcoflowSimulator.Builder> customizer;

	private @Nullable TelcoflowSimulator simulator;

	private boolean perClass;

	/**
	 * Creates an extension for a simulator with the default settings (plain {@code ws://} on a free
	 * loopback port, the default API key and connector UUID).
	 */
	public TelcoflowSimulatorExtension() {
		this((builder) -> {
		});
	}

	/**
	 * Creates an extension for a simulator configured by a customizer.
	 * @param customizer applied to the simulator's builder before it is built (API key, TLS,
	 * timeouts, ...)
	 */
	public TelcoflowSimulatorExtension(Consumer<TelcoflowSimulator.Builder> customizer) {
		this.customizer = customizer;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			stop();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TelcoflowSimulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return simulator();
	}

	/**
	 * Returns the running simulator.
	 * @return the simulator
	 * @throws IllegalStateException outside a test
	 */
	public TelcoflowSimulator simulator() {
		TelcoflowSimulator current = this.simulator;
		if (current == null) {
			throw new IllegalStateException("The simulator runs only while a test runs");
		}
		return current;
	}

	/**
	 * Returns the base URL clients connect to.
	 * @return {@code ws://127.0.0.1:PORT} (or {@code wss://localhost:PORT} with TLS)
	 */
	public String url() {
		return simulator().url();
	}

	/**
	 * Returns the API key the simulator accepts.
	 * @return the API key
	 */
	public String apiKey() {
		return simulator().apiKey();
	}

	/**
	 * Returns the connector UUID the simulator accepts.
	 * @return the connector UUID
	 */
	public String connectorUuid() {
		return simulator().connectorUuid();
	}

	private synchronized void start() {
		if (this.simulator == null) {
			TelcoflowSimulator.Builder builder = TelcoflowSimulator.builder();
			this.customizer.accept(builder);
			this.simulator = builder.build().start();
		}
	}

	private synchronized void stop() {
		TelcoflowSimulator current = this.simulator;
		this.simulator = null;
		if (current != null) {
			current.close();
		}
	}

}
