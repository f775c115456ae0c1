package io.telcoflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.telcoflow.deployment.echo.EchoApplication;
import io.telcoflow.simulator.TelcoflowSimulator;

/**
 * One instance of {@link EchoApplication} in a JVM of its own, started from this JVM's class path
 * with a small heap and one processor's worth of threads; its output goes to a log file, which the
 * test reads for the HTTP port, the drain and the summary.
 */
final class EchoProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("^ECHO-PORT (\\d+)$", Pattern.MULTILINE);

	private static final Pattern SUMMARY = Pattern.compile("^ECHO-SUMMARY calls=(\\d+) peak=(\\d+)$",
			Pattern.MULTILINE);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private EchoProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts an instance against the simulator.
	 * @param name the instance's name (its log file is {@code name.log})
	 * @param simulator the server
	 * @param maxCalls {@code telcoflow.max-concurrent-calls}
	 * @param drainTimeout {@code telcoflow.shutdown.drain-timeout}
	 * @param logs the folder of the log files
	 */
	static EchoProcess start(String name, TelcoflowSimulator simulator, int maxCalls, Duration drainTimeout, Path logs) {
		Path log = logs.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// small and frugal: 2 cores run three or four of these, the simulator and the test
		command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:ActiveProcessorCount=1", "-Xss512k"));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoApplication.class.getName()));
		command.add("--telcoflow.url=" + simulator.url());
		command.add("--telcoflow.api-key=" + simulator.apiKey());
		command.add("--telcoflow.connector-uuid=" + simulator.connectorUuid());
		command.add("--telcoflow.max-concurrent-calls=" + maxCalls);
		command.add("--telcoflow.shutdown.drain-timeout=" + drainTimeout.toSeconds() + "s");
		// the phase must hold the drain and the end of what is left (see docs/deployment.md)
		command.add("--spring.lifecycle.timeout-per-shutdown-phase=" + (drainTimeout.toSeconds() + 10) + "s");
		command.add("--server.address=127.0.0.1");
		command.add("--server.port=0");
		command.add("--management.endpoint.health.probes.enabled=true");
		command.add("--management.endpoints.web.exposure.include=health");
		command.add("--spring.main.banner-mode=off");
		command.add("--logging.level.root=WARN");
		command.add("--logging.level.io.telcoflow.spring=INFO");
		try {
			Files.createDirectories(logs);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new EchoProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Whether {@code /actuator/health/readiness} answers 200 (readiness {@code UP}, the Telcoflow
	 * client among its members ready for calls).
	 */
	boolean isReady() {
		Matcher port = PORT.matcher(log());
		if (!port.find()) {
			return false;
		}
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Sends SIGTERM (what Kubernetes sends a pod it stops). */
	void terminate() {
		this.process.destroy();
	}

	/** Sends SIGKILL: the instance crashes, with no shutdown at all. */
	void kill() {
		this.process.destroyForcibly();
	}

	/**
	 * Waits for the process to exit by itself.
	 * @return its exit code, empty when it is still running after the timeout
	 */
	OptionalInt awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
					? OptionalInt.of(this.process.exitValue()) : OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.empty();
		}
	}

	/** The most calls the instance had at once, from its summary (-1 before it exited). */
	int peakCalls() {
		Matcher summary = SUMMARY.matcher(log());
		return summary.find() ? Integer.parseInt(summary.group(2)) : -1;
	}

	/** The calls the instance took, from its summary (-1 before it exited). */
	int calls() {
		Matcher summary = SUMMARY.matcher(log());
		return summary.find() ? Integer.parseInt(summary.group(1)) : -1;
	}

	/** Kills what is still running (after a failed test). */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ")";
	}

}
