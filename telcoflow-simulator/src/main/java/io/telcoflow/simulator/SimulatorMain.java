package io.telcoflow.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator as a program, for local development and demos.
 * <pre>
 * java -jar telcoflow-simulator-VERSION-standalone.jar --port 8765 --call-every 5s --caller-audio hello.wav
 * </pre>
 * Options: {@code --port} (default 8765, 0 = free), {@code --host} (default 127.0.0.1),
 * {@code --api-key}, {@code --connector-uuid}, {@code --call-every} (for example {@code 5s},
 * {@code 500ms}, {@code 2m}, {@code PT5S}; default: no automatic calls), {@code --caller-audio}
 * (a WAV, PCM 16-bit mono at the client's sample rate), {@code --hang-up-after} (default 30s),
 * {@code --heartbeat} (default 15s), {@code --tls} (wss with the TEST-ONLY certificate),
 * {@code --mtls} (also require a client certificate of the test CA).
 */
public final class SimulatorMain {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorMain.class);

	private SimulatorMain() {
	}

	/**
	 * Starts the simulator and runs until the process is stopped.
	 * @param args the options
	 * @throws InterruptedException when interrupted while running
	 */
	public static void main(String[] args) throws InterruptedException {
		StandaloneLogging.quietDefaults();
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(usage());
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.println(usage());
			return;
		}
		TelcoflowSimulator.Builder builder = TelcoflowSimulator.builder()
			.host(options.host)
			.port(options.port)
			.apiKey(options.apiKey, options.connectorUuid)
			.heartbeatInterval(options.heartbeat)
			.recordAgentAudio(false)
			// a simulator left running places calls for ever: remember only the recent ones
			.retainEndedCalls(100);
		if (options.tls || options.mtls) {
			builder.tls(SimulatorTls.testServer()).requireClientCertificate(options.mtls);
		}
		TelcoflowSimulator simulator = builder.build().start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "telcoflow-sim-shutdown"));
		logger.info("Telcoflow simulator listening on {} (control: {})", simulator.url(), simulator.controlUrl());
		if (options.mtls) {
			logger.info("Authentication: mTLS with a client certificate of the TEST CA {}; for example {} (PKCS12, "
					+ "password {}) or {} + {}", SimulatorTls.testCaCertificatePem(), SimulatorTls.testClientKeyStore(),
					SimulatorTls.TEST_PASSWORD, SimulatorTls.testClientCertificatePem(), SimulatorTls.testClientPrivateKeyPem());
		}
		else {
			// A local simulator's API key is test data: printing it is what makes the program usable.
			logger.info("Authentication: API key '{}', connector '{}'", simulator.apiKey(), simulator.connectorUuid());
		}
		if (options.tls || options.mtls) {
			logger.info("TLS with TEST-ONLY certificates; trust {}", SimulatorTls.testCaCertificatePem());
		}
		if (options.callEvery != null) {
			CallerAudio audio = (options.callerAudio != null) ? CallerAudio.wav(options.callerAudio)
					: CallerAudio.tone(440, Duration.ofSeconds(2));
			Duration hangUp = options.hangUpAfter;
			simulator.startAutoCalls(options.callEvery,
					() -> CallScript.builder().callerAudio(audio).hangUpAfter(hangUp).build());
			logger.info("Placing a call every {} while a session is ready (caller hangs up after {})",
					options.callEvery, hangUp);
		}
		stopped.await();
	}

	static String usage() {
		return """
				Usage: java -jar telcoflow-simulator-standalone.jar [options]
				  --port N               port to listen on (default 8765, 0 = any free port)
				  --host ADDRESS         address to bind (default 127.0.0.1)
				  --api-key KEY          accepted API key (default test-api-key)
				  --connector-uuid UUID  accepted connector (default 0190a8f2-7c41-7d3e-9a55-3c1f2e4b6d70)
				  --call-every DURATION  place a call every DURATION (5s, 500ms, 2m, PT5S)
				  --caller-audio FILE    WAV (PCM 16-bit mono, at the client's sample rate) the caller plays
				  --hang-up-after DURATION  caller hangs up this long after the answer (default 30s)
				  --heartbeat DURATION   heartbeat interval announced to clients (default 15s)
				  --tls                  serve wss:// with the TEST-ONLY certificate
				  --mtls                 like --tls, and require a client certificate of the TEST CA
				  --help                 this text""";
	}

	static Duration parseDuration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		try {
			if (value.startsWith("pt") || value.startsWith("p")) {
				return Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			if (value.endsWith("s")) {
				return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
			}
			if (value.endsWith("m")) {
				return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
			}
			return Duration.ofSeconds(Long.parseLong(value));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException("Not a duration: '" + text + "' (use 5s, 500ms, 2m or PT5S)");
		}
	}

	static final class Options {

		int port = 8765;

		String host = "127.0.0.1";

		String apiKey = TelcoflowSimulator.DEFAULT_API_KEY;

		String connectorUuid = TelcoflowSimulator.DEFAULT_CONNECTOR_UUID;

		@Nullable Duration callEvery;

		@Nullable Path callerAudio;

		Duration hangUpAfter = Duration.ofSeconds(30);

		Duration heartbeat = Duration.ofSeconds(15);

		boolean tls;

		boolean mtls;

		boolean help;

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				String value = null;
				int equals = arg.indexOf('=');
				if (arg.startsWith("--") && equals > 0) {
					value = arg.substring(equals + 1);
					arg = arg.substring(0, equals);
				}
				switch (arg) {
					case "--tls" -> options.tls = true;
					case "--mtls" -> options.mtls = true;
					case "--help", "-h" -> options.help = true;
					default -> {
						if (value == null) {
							if (i + 1 >= args.length) {
								throw new IllegalArgumentException("Option " + arg + " needs a value");
							}
							value = args[++i];
						}
						options.set(arg, value);
					}
				}
			}
			return options;
		}

		private void set(String option, String value) {
			switch (option) {
				case "--port" -> this.port = Integer.parseInt(value);
				case "--host" -> this.host = value;
				case "--api-key" -> this.apiKey = value;
				case "--connector-uuid" -> this.connectorUuid = value;
				case "--call-every" -> this.callEvery = parseDuration(value);
				case "--caller-audio" -> this.callerAudio = Path.of(value);
				case "--hang-up-after" -> this.hangUpAfter = parseDuration(value);
				case "--heartbeat" -> this.heartbeat = parseDuration(value);
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}

	}

}
