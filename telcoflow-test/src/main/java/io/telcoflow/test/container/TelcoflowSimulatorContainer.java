package io.telcoflow.test.container;

import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Telcoflow simulator as a Testcontainers container, driven from the test through the same
 * concepts as the embedded {@link TelcoflowSimulator}: {@link #placeCall(CallScript)} returns a
 * {@link RemoteSimulatedCall} to wait on and read the {@link RemoteCallRecord record} of, and
 * {@link #simulator()} offers the rest ({@link RemoteSimulator}).
 *
 * <pre class="code">
 * &#064;Container
 * &#064;ServiceConnection
 * static TelcoflowSimulatorContainer telcoflow = new TelcoflowSimulatorContainer();
 * </pre>
 *
 * <p>
 * By default the container runs with <strong>host networking</strong>: the simulator and its
 * control API listen on free ports of the host's {@code 127.0.0.1}, which the container reads from
 * the image's ready line. Host networking needs a Linux Docker engine, and is what works where the
 * engine has no bridge network. Elsewhere (Docker Desktop), turn it off with
 * {@link #withHostNetwork(boolean)}, the system property {@code telcoflow.simulator.host-network} or
 * the environment variable {@code TELCOFLOW_SIMULATOR_HOST_NETWORK} set to {@code false}: the
 * container then exposes ports {@value #SIMULATOR_PORT} and {@value #ADMIN_PORT} on a bridge
 * network.
 *
 * <p>
 * The image is {@code telcoflow/simulator:test} unless the system property
 * {@code telcoflow.simulator.image} or the environment variable {@code TELCOFLOW_SIMULATOR_IMAGE}
 * names another; build it from {@code telcoflow-test}'s {@code target/docker} directory (see
 * {@code .ci/docker-setup.sh}).
 */
public class TelcoflowSimulatorContainer extends GenericContainer<TelcoflowSimulatorContainer> {

	/** The name of the simulator image; other images must be declared compatible with it. */
	public static final String IMAGE_NAME = "telcoflow/simulator";

	/** The tag used when no image is configured. */
	public static final String DEFAULT_TAG = "test";

	/** The simulator's port inside the container on a bridge network. */
	public static final int SIMULATOR_PORT = 8765;

	/** The control API's port inside the container on a bridge network. */
	public static final int ADMIN_PORT = 8766;

	private static final Pattern READY = Pattern
		.compile(Pattern.quote(SimulatorContainerMain.READY_PREFIX) + "port=(\\d+) admin-port=(\\d+)");

	private static final String LOOPBACK = "127.0.0.1";

	static {
		// before Testcontainers first talks to the engine, which a container's creation precedes
		DockerApiVersion.align();
	}

	private boolean hostNetwork = configuredHostNetwork();

	private String host = LOOPBACK;

	private String apiKey = TelcoflowSimulator.DEFAULT_API_KEY;

	private String connectorUuid = TelcoflowSimulator.DEFAULT_CONNECTOR_UUID;

	private int port;

	private @Nullable RemoteSimulator simulator;

	/**
	 * Creates a container of the configured image (see the class description).
	 */
	public TelcoflowSimulatorContainer() {
		this(configuredImage());
	}

	/**
	 * Creates a container of an image.
	 * @param image the simulator image, a tag of {@value #IMAGE_NAME} or compatible with it
	 */
	public TelcoflowSimulatorContainer(DockerImageName image) {
		super(image);
		image.assertCompatibleWith(DockerImageName.parse(IMAGE_NAME));
		waitingFor(Wait.forLogMessage(".*" + Pattern.quote(SimulatorContainerMain.READY_PREFIX) + ".*\\n", 1)
			.withStartupTimeout(Duration.ofSeconds(60)));
	}

	/**
	 * Returns the image named by {@code telcoflow.simulator.image} or {@code TELCOFLOW_SIMULATOR_IMAGE},
	 * else {@value #IMAGE_NAME}:{@value #DEFAULT_TAG}.
	 * @return the image name
	 */
	public static DockerImageName configuredImage() {
		String name = System.getProperty("telcoflow.simulator.image");
		if (name == null || name.isBlank()) {
			name = System.getenv("TELCOFLOW_SIMULATOR_IMAGE");
		}
		if (name == null || name.isBlank()) {
			return DockerImageName.parse(IMAGE_NAME).withTag(DEFAULT_TAG);
		}
		return DockerImageName.parse(name).asCompatibleSubstituteFor(IMAGE_NAME);
	}

	/**
	 * Returns whether {@code telcoflow.simulator.host-network} or
	 * {@code TELCOFLOW_SIMULATOR_HOST_NETWORK} asks for host networking (the default).
	 * @return whether to use host networking
	 */
	public static boolean configuredHostNetwork() {
		String value = System.getProperty("telcoflow.simulator.host-network");
		if (value == null || value.isBlank()) {
			value = System.getenv("TELCOFLOW_SIMULATOR_HOST_NETWORK");
		}
		return value == null || value.isBlank() || Boolean.parseBoolean(value.trim());
	}

	/**
	 * Sets whether the container uses the host's network (see the class description).
	 * @param hostNetwork whether to use host networking
	 * @return this container
	 */
	public TelcoflowSimulatorContainer withHostNetwork(boolean hostNetwork) {
		this.hostNetwork = hostNetwork;
		return this;
	}

	/**
	 * Sets the credentials the simulator accepts (by default the simulator's test credentials). The
	 * API key reaches the container as an environment variable, not on its command line.
	 * @param apiKey the API key
	 * @param connectorUuid the connector UUID
	 * @return this container
	 */
	public TelcoflowSimulatorContainer withCredentials(String apiKey, String connectorUuid) {
		this.apiKey = apiKey;
		this.connectorUuid = connectorUuid;
		return this;
	}

	@Override
	protected void configure() {
		if (this.hostNetwork) {
			withNetworkMode("host");
			withCommand("--port", "0", "--admin-port", "0");
		}
		else {
			withExposedPorts(SIMULATOR_PORT, ADMIN_PORT);
			withCommand("--host", "0.0.0.0", "--port", String.valueOf(SIMULATOR_PORT), "--admin-port",
					String.valueOf(ADMIN_PORT));
		}
		withEnv("TELCOFLOW_API_KEY", this.apiKey);
		withEnv("TELCOFLOW_CONNECTOR_UUID", this.connectorUuid);
	}

	/**
	 * Starts the container; when it cannot start, the exception says what to set for the usual
	 * causes.
	 */
	@Override
	public void start() {
		try {
			super.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(explainStartFailure(ex, System::getenv), ex);
		}
	}

	/**
	 * Explains why the container may not have started, with what to set: Testcontainers' Ryuk
	 * helper needs an image from a registry and a bridge network, and inside a container (a
	 * {@code /.dockerenv}) Testcontainers looks for the engine's address on the bridge network.
	 * @param failure what Testcontainers threw
	 * @param environment the environment variables
	 * @return the message
	 */
	static String explainStartFailure(Throwable failure, Function<String, @Nullable String> environment) {
		StringBuilder message = new StringBuilder("The Telcoflow simulator container ("
				+ configuredImage().asCanonicalNameString() + ") did not start: " + failure.getMessage() + ".");
		if (!Boolean.parseBoolean(environment.apply("TESTCONTAINERS_RYUK_DISABLED"))) {
			message.append(" If the Docker engine has no bridge network (dockerd --bridge=none) or cannot pull "
					+ "testcontainers/ryuk, set the environment variable TESTCONTAINERS_RYUK_DISABLED=true "
					+ "(the container is then stopped by the test, or by @Container, and not by Ryuk).");
		}
		if (environment.apply("TESTCONTAINERS_HOST_OVERRIDE") == null) {
			message.append(" If the tests run inside a container or on an engine without a bridge network, set "
					+ "TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1.");
		}
		message.append(" The image must exist locally: build it with .ci/docker-setup.sh, or name another with "
				+ "-Dtelcoflow.simulator.image / TELCOFLOW_SIMULATOR_IMAGE. On Docker Desktop use "
				+ "withHostNetwork(false). See docs/testing.md, \"Testcontainers and @ServiceConnection\".");
		return message.toString();
	}

	@Override
	protected void containerIsStarted(InspectContainerResponse containerInfo) {
		Matcher ready = READY.matcher(getLogs());
		if (!ready.find()) {
			throw new IllegalStateException("The simulator container printed no ready line");
		}
		if (this.hostNetwork) {
			this.host = LOOPBACK;
			this.port = Integer.parseInt(ready.group(1));
			this.simulator = new RemoteSimulator(LOOPBACK, Integer.parseInt(ready.group(2)));
		}
		else {
			this.host = getHost();
			this.port = getMappedPort(SIMULATOR_PORT);
			this.simulator = new RemoteSimulator(this.host, getMappedPort(ADMIN_PORT));
		}
	}

	@Override
	protected void containerIsStopped(InspectContainerResponse containerInfo) {
		this.simulator = null;
	}

	/**
	 * Returns the base URL applications connect to ({@code telcoflow.url}).
	 * @return {@code ws://127.0.0.1:PORT} with host networking
	 */
	public String getUrl() {
		simulator();
		return "ws://" + this.host + ":" + this.port;
	}

	/**
	 * Returns the port the simulator listens on.
	 * @return the port on the host
	 */
	public int getSimulatorPort() {
		simulator();
		return this.port;
	}

	/**
	 * Returns the API key the simulator accepts.
	 * @return the API key
	 */
	public String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Returns the connector UUID the simulator accepts.
	 * @return the connector UUID
	 */
	public String getConnectorUuid() {
		return this.connectorUuid;
	}

	/**
	 * Places a call: the simulator offers it to a ready session.
	 * @param script what the caller does
	 * @return the call
	 * @see RemoteSimulator#placeCall(CallScript)
	 */
	public RemoteSimulatedCall placeCall(CallScript script) {
		return simulator().placeCall(script);
	}

	/**
	 * Waits until a number of sessions are ready for calls.
	 * @param count how many ready sessions to wait for
	 * @param timeout how long to wait
	 * @throws AssertionError when they are not ready in time
	 */
	public void awaitReadySessions(int count, Duration timeout) {
		simulator().awaitReadySessions(count, timeout);
	}

	/**
	 * Returns the simulator in the container, to place calls, read sessions and calls, and inject
	 * faults.
	 * @return the running simulator
	 * @throws IllegalStateException when the container is not running
	 */
	public RemoteSimulator simulator() {
		RemoteSimulator simulator = this.simulator;
		if (simulator == null) {
			throw new IllegalStateException("The simulator container is not running");
		}
		return simulator;
	}

}
