package io.telcoflow.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A measured JVM of a harness: started with a command line, asked questions on its standard input
 * (answered with {@code PROBE ...} lines on its standard output), measured through {@code /proc}.
 * Its other output goes to a log file; closing it closes its standard input, on which it halts.
 */
public final class ProbedProcess implements AutoCloseable {

	private final Process process;

	private final PrintWriter commands;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private ProbedProcess(Process process, Path log, String pumpName) throws IOException {
		this.process = process;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
		Thread pump = new Thread(() -> pump(logWriter), pumpName);
		pump.setDaemon(true);
		pump.start();
	}

	/**
	 * Starts a process.
	 * @param command its command line
	 * @param log where its output goes (its folder is created)
	 * @param pumpName the name of the thread that reads its output
	 * @return the process
	 * @throws IOException when it cannot be started
	 */
	public static ProbedProcess start(List<String> command, Path log, String pumpName) throws IOException {
		Files.createDirectories(log.getParent());
		return new ProbedProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log, pumpName);
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

	/**
	 * Returns the process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Sends a command and waits for its answer.
	 * @param command the command
	 * @param timeout how long to wait
	 * @return the words of the answer after the command's name
	 */
	public String[] ask(String command, Duration timeout) {
		this.commands.println(command);
		return await(command, timeout);
	}

	/**
	 * Waits for an answer that the process gives unasked (such as {@code ready}).
	 * @param command the name the answer starts with
	 * @param timeout how long to wait
	 * @return the words of the answer after the name
	 */
	public String[] await(String command, Duration timeout) {
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

	/**
	 * Returns the CPU time (user + system) of the whole process so far.
	 * @return seconds
	 */
	public double cpuSeconds() {
		return ProcFs.cpuSeconds(pid());
	}

	/**
	 * Returns the operating system threads of the process now.
	 * @return the number of threads
	 */
	public int threads() {
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
