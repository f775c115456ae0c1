package io.telcoflow.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's arguments, {@code --name value} each:
 * <ul>
 * <li>{@code --mode run|ramp|soak} (run)</li>
 * <li>{@code --apps sdk,sdk-listener,baseline} (all three, in that order): the SDK echoing from
 * its audio stream, the SDK echoing from an audio listener, the baseline; also {@code sdk-live} and
 * {@code sdk-agent} (the voice agent on instant fake models, see {@link AgentTurnMeter})</li>
 * <li>{@code --calls N} (200), {@code --seconds T} window length (20), {@code --warmup W} (5),
 * {@code --repeat R} runs, or soak windows (3)</li>
 * <li>{@code --ramp-start}, {@code --ramp-step}, {@code --ramp-max} (100, 100, 1500)</li>
 * <li>{@code --java PATH} the application's JVM (this one's), {@code --virtual true} virtual
 * threads for the SDK's handlers, {@code --jvm-arg ARG} (repeatable) for the application's JVM,
 * {@code --app-classpath-prefix PATH} put before the class path of the application (to measure a
 * patched client without changing it)</li>
 * <li>{@code --transport ws|wss|mtls} (ws): plain WebSocket, TLS with an API key, or TLS with a
 * client certificate (the simulator's TEST key material); the baseline uses the same</li>
 * <li>{@code --arrival paced|burst} (paced): calls offered 100 a second in tens, or all at once
 * (within a few tens of milliseconds: a campaign or a failover)</li>
 * <li>{@code --label NAME} (bench), {@code --results FILE} (target/results.txt), {@code --logs DIR}
 * (target/bench-logs)</li>
 * </ul>
 * @param mode the mode
 * @param apps the applications, measured in this order
 * @param calls concurrent calls of a run or soak
 * @param seconds measurement window
 * @param warmup time before each window
 * @param repeat runs per application, or soak windows
 * @param rampStart first ramp step
 * @param rampStep calls added per step
 * @param rampMax last step
 * @param java the application's {@code java}
 * @param virtualThreads whether the SDK's handlers run on virtual threads
 * @param jvmArgs extra arguments of the application's JVM
 * @param classPathPrefix put before the application's class path, empty for none
 * @param transport ws, wss or mtls
 * @param burst whether the calls of a run are offered all at once
 * @param label names this configuration in the results
 * @param results file the results are appended to
 * @param logDir where the applications' output goes
 */
record HarnessOptions(String mode, List<AppKind> apps, int calls, int seconds, int warmup, int repeat, int rampStart,
		int rampStep, int rampMax, String java, boolean virtualThreads, List<String> jvmArgs, String classPathPrefix, String transport, boolean burst, String label, Path results,
		Path logDir) {

	static HarnessOptions parse(String[] args) {
		String mode = "run";
		List<AppKind> apps = List.of(AppKind.SDK, AppKind.SDK_LISTENER, AppKind.BASELINE);
		int calls = 200;
		int seconds = 20;
		int warmup = 5;
		int repeat = 3;
		int rampStart = 100;
		int rampStep = 100;
		int rampMax = 1500;
		String java = ProcessHandle.current().info().command().orElse("java");
		boolean virtual = false;
		List<String> jvmArgs = new ArrayList<>();
		String classPathPrefix = "";
		String transport = "ws";
		boolean burst = false;
		String label = "bench";
		Path results = Path.of("target/results.txt");
		Path logs = Path.of("target/bench-logs");
		for (int i = 0; i + 1 < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--mode" -> mode = value;
				case "--apps" -> apps = Arrays.stream(value.split(","))
					.map(AppKind::parse)
					.toList();
				case "--calls" -> calls = Integer.parseInt(value);
				case "--seconds" -> seconds = Integer.parseInt(value);
				case "--warmup" -> warmup = Integer.parseInt(value);
				case "--repeat" -> repeat = Integer.parseInt(value);
				case "--ramp-start" -> rampStart = Integer.parseInt(value);
				case "--ramp-step" -> rampStep = Integer.parseInt(value);
				case "--ramp-max" -> rampMax = Integer.parseInt(value);
				case "--java" -> java = value;
				case "--virtual" -> virtual = Boolean.parseBoolean(value);
				case "--jvm-arg" -> jvmArgs.add(value);
				case "--app-classpath-prefix" -> classPathPrefix = value;
				case "--transport" -> transport = value;
				case "--arrival" -> burst = "burst".equals(value);
				case "--label" -> label = value;
				case "--results" -> results = Path.of(value);
				case "--logs" -> logs = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
			}
		}
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("Arguments come in pairs: --name value");
		}
		return new HarnessOptions(mode, apps, calls, seconds, warmup, repeat, rampStart, rampStep, rampMax, java, virtual,
				List.copyOf(jvmArgs), classPathPrefix, transport, burst, label, results, logs);
	}

	boolean tls() {
		return !"ws".equals(this.transport);
	}

	boolean clientCertificate() {
		return "mtls".equals(this.transport);
	}

	/** The longest a call may live: every call hangs up by itself after this, whatever happens. */
	int maxCallSeconds() {
		int windows = "soak".equals(this.mode) ? this.repeat : 1;
		int steps = "ramp".equals(this.mode) ? Math.max(1, (this.rampMax - this.rampStart) / this.rampStep + 1) : 1;
		return (this.seconds + this.warmup + 90) * windows * steps;
	}

}
