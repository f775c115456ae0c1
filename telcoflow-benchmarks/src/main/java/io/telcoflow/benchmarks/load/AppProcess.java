package io.telcoflow.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.telcoflow.benchmarks.agent.SdkAgentApplication;
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

	private final ProbedProcess process;

	private AppProcess(ProbedProcess process) {
		this.process = process;
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
		if (kind.isAgent()) {
			command.add(SdkAgentApplication.class.getName());
		}
		else if (kind.isSdk()) {
			command.add(SdkEchoApplication.class.getName());
			command.add("--bench.echo=" + switch (kind) {
				case SDK_LISTENER -> "listener";
				case SDK_LIVE -> "live";
				default -> "stream";
			});
		}
		if (kind.isSdk()) {
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
		return new AppProcess(ProbedProcess.start(command, log, "app-output"));
	}

	long pid() {
		return this.process.pid();
	}

	/** Sends a command and returns the words of its answer after the command's name. */
	String[] ask(String command, Duration timeout) {
		return this.process.ask(command, timeout);
	}

	/** Used heap after two full GCs, in bytes. */
	long heapAfterGc() {
		return Long.parseLong(ask("heap", Duration.ofSeconds(60))[0]);
	}

	/** CPU time (user + system) of the whole process so far, in seconds. */
	double cpuSeconds() {
		return this.process.cpuSeconds();
	}

	/** Operating system threads of the process now. */
	int threads() {
		return this.process.threads();
	}

	@Override
	public void close() {
		this.process.close();
	}

}
