package io.telcoflow.benchmarks.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.telcoflow.benchmarks.app.BaselineEchoClient;
import io.telcoflow.benchmarks.app.SdkEchoApplication;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.TelcoflowSimulator;

/**
 * The application under test in its own JVM: started from this process's class path, asked
 * questions through its {@code ProcessProbe}, measured through {@code /proc}. Its output goes to a
 * log file; closing it closes its standard input, on which it halts.
 */
final class AppProcess implements AutoCloseable {

	private final Process process;

	private final PrintWriter commands;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private AppProcess(Process process, Path log) throws IOException {
		this.process = process;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
		Thread pump = new Thread(() -> pump(logWriter), "app-output");
		pump.setDaemon(true);
		pump.start();
	}

	static AppProcess start(AppKind kind, TelcoflowSimulator sim, HarnessOptions options, List<String> jvmArgs, Path log)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(options.java());
		command.add("-Xms256m");
		command.add("-Xmx2g");
		command.addAll(jvmArgs);
		command.add("-cp");
		String classPath = System.getProperty("java.class.path");
		String prefix = options.classPathPrefix();
		command.add(prefix.isEmpty() ? classPath : prefix + File.pathSeparator + classPath);
		String trustStore = SimulatorTls.testCaTrustStore().toString();
		String keyStore = SimulatorTls.testClientKeyStore().toString();
		if (kind.isSdk()) {
			command.add(SdkEchoApplication.class.getName());
			command.add("--bench.echo=" + switch (kind) {
				case SDK_LISTENER -> "listener";
				case SDK_LIVE -> "live";
				default -> "stream";
			});
			command.add("--telcoflow.url=" + sim.url());
			if (!options.clientCertificate()) {
				command.add("--telcoflow.api-key=" + sim.apiKey());
				command.add("--telcoflow.connector-uuid=" + sim.connectorUuid());
			}
			if (options.tls()) {
				String bundle = "--spring.ssl.bundle.jks.telcoflow.";
				command.add("--telcoflow.ssl.bundle=telcoflow");
				command.add(bundle + "truststore.location=file:" + trustStore);
				command.add(bundle + "truststore.password=" + SimulatorTls.TEST_PASSWORD);
				command.add(bundle + "truststore.type=PKCS12");
				if (options.clientCertificate()) {
					command.add(bundle + "keystore.location=file:" + keyStore);
					command.add(bundle + "keystore.password=" + SimulatorTls.TEST_PASSWORD);
					command.add(bundle + "keystore.type=PKCS12");
				}
			}
		}
		else {
			command.add(BaselineEchoClient.class.getName());
			command.add(sim.url());
			command.add(options.clientCertificate() ? "-" : sim.apiKey());
			command.add(sim.connectorUuid());
			if (options.tls()) {
				command.add(trustStore);
				if (options.clientCertificate()) {
					command.add(keyStore);
				}
			}
		}
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new AppProcess(process, log);
	}

	private void pump(Writer log) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8)); log) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith("PROBE ")) {
					this.answers.add(line.substring(6));
				}
				else {
					log.write(line);
					log.write('\n');
					log.flush();
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	long pid() {
		return this.process.pid();
	}

	/** Sends a command and returns the words of its answer after the command's name. */
	String[] ask(String command, Duration timeout) {
		this.commands.println(command);
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				String answer = this.answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (answer == null) {
					throw new IllegalStateException("No answer to '" + command + "' within " + timeout);
				}
				if (answer.startsWith(command)) {
					String rest = answer.substring(command.length()).trim();
					return rest.isEmpty() ? new String[0] : rest.split(" ");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Used heap after two full GCs, in bytes. */
	long heapAfterGc() {
		return Long.parseLong(ask("heap", Duration.ofSeconds(60))[0]);
	}

	/** CPU time (user + system) of the whole process so far, in seconds. */
	double cpuSeconds() {
		return ProcFs.cpuSeconds(pid());
	}

	/** Operating system threads of the process now. */
	int threads() {
		return ProcFs.threads(pid());
	}

	@Override
	public void close() {
		this.commands.close();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
