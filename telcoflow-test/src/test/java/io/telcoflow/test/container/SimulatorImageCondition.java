package io.telcoflow.test.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@link ExecutionCondition} behind {@link EnabledIfSimulatorImage}.
 */
class SimulatorImageCondition implements ExecutionCondition {

	private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

	private static final Pattern API_VERSION = Pattern.compile("\"ApiVersion\"\\s*:\\s*\"(\\d+)\\.(\\d+)\"");

	private static volatile @Nullable ConditionEvaluationResult result;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		ConditionEvaluationResult evaluated = result;
		if (evaluated == null) {
			evaluated = evaluate();
			result = evaluated;
			System.out.println("Telcoflow container tests: " + evaluated.getReason().orElse(""));
		}
		if (evaluated.isDisabled() && Boolean.parseBoolean(System.getenv("TELCOFLOW_CONTAINER_TESTS_REQUIRED"))) {
			throw new IllegalStateException("Container tests are required but cannot run: "
					+ evaluated.getReason().orElse("unknown reason"));
		}
		return evaluated;
	}

	private static ConditionEvaluationResult evaluate() {
		alignDockerApiVersion();
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.disabled("no Docker engine is available (see .ci/docker-setup.sh)");
		}
		DockerImageName image = TelcoflowSimulatorContainer.configuredImage();
		try {
			DockerClientFactory.instance().client().inspectImageCmd(image.asCanonicalNameString()).exec();
		}
		catch (RuntimeException ex) {
			return ConditionEvaluationResult.disabled("the image " + image.asCanonicalNameString()
					+ " is not built here (build it with .ci/docker-setup.sh)");
		}
		return ConditionEvaluationResult.enabled("Docker and " + image.asCanonicalNameString() + " are available");
	}

	/**
	 * Testcontainers 2 speaks Docker API 1.44 unless told otherwise, which engines before 25 (such
	 * as Debian 12's docker.io 20.10, API 1.41) refuse. Ask the local engine what it speaks and tell
	 * Testcontainers, unless the user already chose ({@code api.version}).
	 */
	private static void alignDockerApiVersion() {
		if (System.getProperty("api.version") != null || System.getenv("DOCKER_HOST") != null
				|| !Files.exists(DOCKER_SOCKET)) {
			return;
		}
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(DOCKER_SOCKET));
			byte[] request = "GET /version HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			channel.write(ByteBuffer.wrap(request));
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			ByteBuffer buffer = ByteBuffer.allocate(8192);
			while (channel.read(buffer) > 0) {
				response.write(buffer.array(), 0, buffer.position());
				buffer.clear();
			}
			Matcher version = API_VERSION.matcher(response.toString(StandardCharsets.UTF_8));
			if (version.find() && Integer.parseInt(version.group(1)) == 1 && Integer.parseInt(version.group(2)) < 44) {
				System.setProperty("api.version", version.group(1) + "." + version.group(2));
			}
		}
		catch (IOException ex) {
			// No engine answering there: Testcontainers will say so.
		}
	}

}
