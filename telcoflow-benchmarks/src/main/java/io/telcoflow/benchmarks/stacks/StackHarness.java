package io.telcoflow.benchmarks.stacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.telcoflow.benchmarks.load.ProcFs;

/**
 * The stack comparison: this JVM runs the {@link EchoServer}; for every repeat, every N and every
 * scheme it runs each stack's client JVM in turn (stacks interleaved, so that the machine's noise
 * hits them alike), one at a time. Every run is bounded in time; the whole ends by itself.
 * <p>
 * Options (defaults in brackets): {@code --stacks} [tomcat,jetty,netty,jdk], {@code --calls}
 * [200,500], {@code --schemes} [wss,ws], {@code --repeat} [3], {@code --seconds} [20],
 * {@code --warmup} [10], {@code --prime} [true], {@code --java} [this JVM's], {@code --echo} app|reader [app],
 * {@code --label} [stacks], {@code --results} [target/stacks/results.tsv], {@code --jvm-arg} (repeatable).
 */
public final class StackHarness {

	private final Map<String, String> options;

	private final List<String> jvmArgs;

	private final EchoServer server;

	private final Path results;

	private StackHarness(Map<String, String> options, List<String> jvmArgs, EchoServer server) {
		this.options = options;
		this.jvmArgs = jvmArgs;
		this.server = server;
		this.results = Path.of(option("results", "target/stacks/results.tsv"));
	}

	/**
	 * Runs the comparison and prints its tables.
	 * @param args the options
	 * @throws Exception when the server cannot start or the results cannot be written
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		List<String> jvmArgs = new ArrayList<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (args[i].equals("--jvm-arg")) {
				jvmArgs.add(args[i + 1]);
			}
			else {
				options.put(args[i].substring(2), args[i + 1]);
			}
		}
		try (EchoServer server = new EchoServer()) {
			new StackHarness(options, jvmArgs, server).run();
		}
		System.exit(0);
	}

	private String option(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

	private void run() throws IOException {
		List<StackKind> stacks = Arrays.stream(option("stacks", "tomcat,jetty,netty,jdk").split(","))
			.map(StackKind::of)
			.toList();
		int[] calls = Arrays.stream(option("calls", "200,500").split(",")).mapToInt(Integer::parseInt).toArray();
		List<Boolean> schemes = Arrays.stream(option("schemes", "wss,ws").split(","))
			.map((scheme) -> scheme.equals("wss"))
			.toList();
		int repeats = Integer.parseInt(option("repeat", "3"));
		Files.createDirectories(this.results.toAbsolutePath().getParent());
		if (!Files.exists(this.results)) {
			Files.writeString(this.results, "label\t" + StackRun.HEADER + "\n", StandardCharsets.UTF_8);
		}
		String label = option("label", "stacks");
		if (Boolean.parseBoolean(option("prime", "true"))) {
			// a run thrown away: the server's JVM compiles its own paths before the first figure counts
			for (boolean tls : schemes) {
				runOne(stacks.get(0), tls, 50, 0, label + "-prime", 3, 5);
			}
		}
		List<StackRun> runs = new ArrayList<>();
		for (int repeat = 1; repeat <= repeats; repeat++) {
			for (int n : calls) {
				for (boolean tls : schemes) {
					for (StackKind stack : stacks) {
						StackRun result = runOne(stack, tls, n, repeat, label, Integer.parseInt(option("warmup", "10")),
								Integer.parseInt(option("seconds", "20")));
						runs.add(result);
						System.out.println(Instant.now() + " " + label + " " + result.tsv());
						Files.writeString(this.results, label + "\t" + result.tsv() + "\n", StandardCharsets.UTF_8,
								StandardOpenOption.APPEND);
					}
				}
			}
		}
		String tables = StackTables.of(runs, stacks.get(0), label, option("java", "java"));
		System.out.println(tables);
		Files.writeString(this.results.resolveSibling(label + ".md"), tables, StandardCharsets.UTF_8);
	}

	private StackRun runOne(StackKind stack, boolean tls, int n, int repeat, String label, int warmupSeconds,
			int windowSeconds) throws IOException {
		Path log = this.results.toAbsolutePath()
			.getParent()
			.resolve("logs/" + label + "-" + stack.id() + "-" + (tls ? "wss" : "ws") + "-" + n + "-r" + repeat + ".log");
		long self = ProcessHandle.current().pid();
		this.server.sendAudio(false);
		try (ClientProcess client = ClientProcess.start(option("java", javaOfThisJvm()), this.jvmArgs, stack,
				this.server.url(tls), n, option("echo", "app"), log)) {
			this.server.sendAudio(true);
			client.ask("warm", Duration.ofSeconds(90));
			this.server.sendAudio(false);
			awaitServerIdle();
			long[] before = longs(client.ask("memory", Duration.ofSeconds(60)));
			double clientBurst0 = client.cpuSeconds();
			double serverBurst0 = ProcFs.cpuSeconds(self);
			AtomicInteger burstThreads = new AtomicInteger(client.threads());
			AtomicBoolean bursting = new AtomicBoolean(true);
			Thread sampler = new Thread(() -> {
				while (bursting.get()) {
					burstThreads.accumulateAndGet(client.threads(), Math::max);
					pause(5);
				}
			}, "burst-thread-sampler");
			sampler.setDaemon(true);
			sampler.start();
			String[] connect = client.ask("connect", Duration.ofSeconds(90));
			double clientBurst = client.cpuSeconds() - clientBurst0;
			double serverBurst = ProcFs.cpuSeconds(self) - serverBurst0;
			bursting.set(false);
			this.server.sendAudio(true);
			pause(1000L * warmupSeconds);
			this.server.startWindow();
			long echoed0 = Long.parseLong(client.ask("stats", Duration.ofSeconds(10))[0]);
			double client0 = client.cpuSeconds();
			double server0 = ProcFs.cpuSeconds(self);
			long start = System.nanoTime();
			pause(1000L * windowSeconds);
			int threads = client.threads();
			double clientCpu = client.cpuSeconds() - client0;
			double serverCpu = ProcFs.cpuSeconds(self) - server0;
			double seconds = (System.nanoTime() - start) / 1e9;
			this.server.endWindow();
			long echoed = Long.parseLong(client.ask("stats", Duration.ofSeconds(10))[0]) - echoed0;
			double load = ProcFs.loadAverage();
			this.server.sendAudio(false);
			pause(1000);
			double[] echo = this.server.echo();
			long[] after = longs(client.ask("memory", Duration.ofSeconds(60)));
			int opened = Integer.parseInt(connect[3]);
			int per = Math.max(1, opened);
			double nettyDirect = (after[2] < 0) ? Double.NaN : (after[2] - before[2]) / 1024.0 / per;
			return new StackRun(stack, tls, n, repeat, Double.parseDouble(connect[1]), Double.parseDouble(connect[2]),
					n - opened, 1000 * clientBurst / n, 1000 * serverBurst / n, burstThreads.get(), threads,
					1000 * clientCpu / (per * seconds), 100 * serverCpu / seconds, echo[0], echo[1], echo[2],
					(long) echo[3], (long) echo[4], 1000 * clientCpu / Math.max(1, echoed) * 1000, (after[0] - before[0]) / 1024.0 / per,
					(after[1] - before[1]) / 1024.0 / per, nettyDirect, load);
		}
		finally {
			this.server.sendAudio(false);
			awaitServerIdle();
		}
	}

	private static String javaOfThisJvm() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** Waits, bounded, until the previous client's connections are gone from the server. */
	private void awaitServerIdle() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.server.openConnections() > 0 && System.nanoTime() < deadline) {
			pause(50);
		}
	}

	private static long[] longs(String[] words) {
		return Arrays.stream(words).mapToLong(Long::parseLong).toArray();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
