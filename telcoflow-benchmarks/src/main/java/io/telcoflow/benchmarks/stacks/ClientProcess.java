package io.telcoflow.benchmarks.stacks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.telcoflow.benchmarks.load.ProbedProcess;

/**
 * One stack's client JVM, started from this process's class path, asked questions on its standard
 * input and measured through {@code /proc}. Closing it closes its input, on which it halts.
 */
final class ClientProcess implements AutoCloseable {

	private final ProbedProcess process;

	private ClientProcess(ProbedProcess process) {
		this.process = process;
	}

	static ClientProcess start(String java, List<String> jvmArgs, StackKind stack, String baseUrl, int connections,
			String echoMode, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.add("-Xms256m");
		command.add("-Xmx1g");
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(StackClientMain.class.getName());
		command.add(stack.id());
		command.add(baseUrl);
		command.add(Integer.toString(connections));
		command.add(echoMode);
		ClientProcess client = new ClientProcess(ProbedProcess.start(command, log, "client-output"));
		client.process.await("ready", Duration.ofSeconds(60));
		return client;
	}

	/** Sends a command and returns the words of its answer after the command's name. */
	String[] ask(String command, Duration timeout) {
		return this.process.ask(command, timeout);
	}

	/** CPU time (user + system) of the client process so far, in seconds. */
	double cpuSeconds() {
		return this.process.cpuSeconds();
	}

	/** Operating system threads of the client process now. */
	int threads() {
		return this.process.threads();
	}

	@Override
	public void close() {
		this.process.close();
	}

}
