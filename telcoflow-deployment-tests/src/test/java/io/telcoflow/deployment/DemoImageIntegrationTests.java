package io.telcoflow.deployment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.telcoflow.simulator.CallScript;
import io.telcoflow.simulator.SimulatedCall;
import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's image ({@code telcoflow/demo-app:test}, built by {@code .ci/docker-setup.sh} like the
 * simulator's) as Kubernetes runs it: configured by environment variables, ready on
 * {@code /actuator/health/readiness} once it takes calls from the simulator in this JVM, and on
 * SIGTERM ({@code docker stop}) it drains its call and exits by itself. Host networking, loopback
 * only. Skipped where no Docker engine or no image is available, failed instead with
 * {@code TELCOFLOW_CONTAINER_TESTS_REQUIRED=true} (CI).
 */
class DemoImageIntegrationTests {

	private static final String IMAGE = System.getenv().getOrDefault("TELCOFLOW_DEMO_IMAGE", "telcoflow/demo-app:test");

	private final String name = "telcoflow-demo-test-" + UUID.randomUUID();

	private final TelcoflowSimulator sim = TelcoflowSimulator.builder().build().start();

	@BeforeAll
	static void imageAvailable() {
		String missing = (docker("image", "inspect", IMAGE).exit() != 0)
				? "the image " + IMAGE + " is not built here (build it with .ci/docker-setup.sh)" : null;
		if (missing != null && Boolean.parseBoolean(System.getenv("TELCOFLOW_CONTAINER_TESTS_REQUIRED"))) {
			throw new IllegalStateException("Container tests are required but cannot run: " + missing);
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, missing);
	}

	@AfterEach
	void stop() {
		docker("rm", "-f", this.name);
		this.sim.close();
	}

	@Test
	void containerBecomesReadyTakesCallsAndDrainsOnSigterm() throws Exception {
		int httpPort = freePort();
		Docker run = docker("run", "-d", "--network", "host", "--name", this.name,
				"-e", "TELCOFLOW_URL=" + this.sim.url(),
				"-e", "TELCOFLOW_API_KEY=" + this.sim.apiKey(),
				"-e", "TELCOFLOW_CONNECTORUUID=" + this.sim.connectorUuid(),
				"-e", "TELCOFLOW_SHUTDOWN_DRAINTIMEOUT=30s",
				"-e", "SERVER_ADDRESS=127.0.0.1",
				"-e", "SERVER_PORT=" + httpPort,
				"-e", "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true",
				"-e", "JAVA_TOOL_OPTIONS=-Xmx256m -XX:TieredStopAtLevel=1", IMAGE);
		assertThat(run.exit()).as(run.output()).isZero();
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> readiness(httpPort) == 200);
		this.sim.awaitReadySessions(1, Duration.ofSeconds(10));

		SimulatedCall call = this.sim.placeCall(CallScript.builder().hangUpAfter(Duration.ofSeconds(8)).build());
		call.awaitState("ANSWERED", Duration.ofSeconds(30));
		CompletableFuture<Docker> stop = CompletableFuture.supplyAsync(() -> docker("stop", "-t", "60", this.name));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sim.sessions().get(0).isPaused());
		assertThat(call.awaitEnded(Duration.ofSeconds(60))).isEqualTo("caller_hangup");
		assertThat(stop.get(90, TimeUnit.SECONDS).exit()).isZero();
		// 143: the JVM ended by SIGTERM after its shutdown hooks ran (137 would be a kill at the timeout)
		assertThat(docker("inspect", "-f", "{{.State.ExitCode}}", this.name).output().trim()).isEqualTo("143");
		assertThat(docker("logs", this.name).output()).contains("Telcoflow: no new calls are offered; 1 live call(s) finishing")
			.contains("Telcoflow client stopped in")
			.doesNotContain("still live after the drain timeout");
	}

	private static int readiness(int port) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private record Docker(int exit, String output) {
	}

	private static Docker docker(String... arguments) {
		List<String> command = new ArrayList<>(List.of("docker"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Docker(process.waitFor(), output);
		}
		catch (IOException ex) {
			return new Docker(-1, "docker cannot be run: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Docker(-1, "interrupted");
		}
	}

}
