package io.telcoflow.benchmarks.stacks;

import java.io.BufferedReader;
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

import io.telcoflow.benchmarks.load.ProcFs;

/**
 * One stack's client JVM, started from this process's class path, asked questions on its standard
 * input and measured through {@code /proc}. Closing it closes its input, on which it halts.
 */
final class ClientProcess implements AutoCloseable {

	private final Process process;

	private final PrintWriter commands;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private ClientProcess(Process process, Path log) throws IOException {
		this.process = process;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
		Thread pump = new Thread(() -> pump(logWriter), "client-output");
		pump.setDaemon(true);
		pump.start();
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
		Files.createDirectories(log.getParent());
		ClientProcess client = new ClientProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
		client.await("ready", Duration.ofSeconds(60));
		return client;
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

	/** Sends a command and returns the words of its answer after the command's name. */
	String[] ask(String command, Duration timeout) {
		this.commands.println(command);
		return await(command, timeout);
	}

	private String[] await(String command, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				String answer = this.answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (answer == null) {
					throw new IllegalStateException("No answer to '" + command + "' within " + timeout);
				}
				if (answer.startsWith(command)) {
					String rest = answer.substring(command.length()).trim();
					if (rest.startsWith("failed")) {
						throw new IllegalStateException("'" + command + "' " + rest);
					}
					return rest.isEmpty() ? new String[0] : rest.split(" ");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** CPU time (user + system) of the client process so far, in seconds. */
	double cpuSeconds() {
		return ProcFs.cpuSeconds(this.process.pid());
	}

	/** Operating system threads of the client process now. */
	int threads() {
		return ProcFs.threads(this.process.pid());
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
