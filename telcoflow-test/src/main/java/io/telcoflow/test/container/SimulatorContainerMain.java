package io.telcoflow.test.container;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.telcoflow.simulator.TelcoflowSimulator;
import org.jspecify.annotations.Nullable;

/**
 * The main class of the simulator image: a {@link TelcoflowSimulator} plus its
 * {@link SimulatorAdminServer control API}, both on {@code 127.0.0.1} by default (for host
 * networking; {@code --host 0.0.0.0} for a bridge network). Once both listen it prints
 * {@value #READY_PREFIX}{@code port=P admin-port=A}, which {@link TelcoflowSimulatorContainer}
 * waits for and reads the ports from.
 *
 * <p>
 * Options: {@code --host} (default {@code 127.0.0.1}), {@code --port} (default {@code 0}, a free
 * port), {@code --admin-port} (default {@code 0}), {@code --connector-uuid}. The API key is read
 * from the environment variable {@code TELCOFLOW_API_KEY} (so it appears in no process listing), or
 * {@code --api-key}. Without either, the simulator's default credentials apply.
 */
public final class SimulatorContainerMain {

	/** The start of the line printed when the simulator and its control API listen. */
	public static final String READY_PREFIX = "Telcoflow simulator ready: ";

	private SimulatorContainerMain() {
	}

	/**
	 * Starts the simulator and its control API, and runs until the process is stopped.
	 * @param args the options
	 * @throws IOException when a port cannot be bound
	 * @throws InterruptedException when interrupted while running
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		Options options = Options.parse(args, System.getenv());
		TelcoflowSimulator.Builder builder = TelcoflowSimulator.builder().host(options.host).port(options.port);
		if (options.apiKey != null || options.connectorUuid != null) {
			builder.apiKey((options.apiKey != null) ? options.apiKey : TelcoflowSimulator.DEFAULT_API_KEY,
					(options.connectorUuid != null) ? options.connectorUuid
							: TelcoflowSimulator.DEFAULT_CONNECTOR_UUID);
		}
		TelcoflowSimulator simulator = builder.build().start();
		SimulatorAdminServer admin = SimulatorAdminServer.start(simulator, InetAddress.getByName(options.host),
				options.adminPort);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			admin.close();
			simulator.close();
			stopped.countDown();
		}, "telcoflow-simulator-shutdown"));
		System.out.println(READY_PREFIX + "port=" + simulator.port() + " admin-port=" + admin.port());
		System.out.flush();
		stopped.await();
	}

	static final class Options {

		String host = "127.0.0.1";

		int port;

		int adminPort;

		@Nullable String apiKey;

		@Nullable String connectorUuid;

		static Options parse(String[] args, Map<String, String> environment) {
			Options options = new Options();
			options.apiKey = environment.get("TELCOFLOW_API_KEY");
			options.connectorUuid = environment.get("TELCOFLOW_CONNECTOR_UUID");
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Missing value for " + name);
				}
				String value = args[++i];
				switch (name) {
					case "--host" -> options.host = value;
					case "--port" -> options.port = Integer.parseInt(value);
					case "--admin-port" -> options.adminPort = Integer.parseInt(value);
					case "--api-key" -> options.apiKey = value;
					case "--connector-uuid" -> options.connectorUuid = value;
					default -> throw new IllegalArgumentException("Unknown option " + name);
				}
			}
			return options;
		}

	}

}
