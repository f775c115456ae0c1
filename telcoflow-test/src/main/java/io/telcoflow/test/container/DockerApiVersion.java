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

/**
 * Testcontainers 2 speaks Docker API 1.44 unless told otherwise, which engines before 25 (such as
 * Debian 12's docker.io 20.10, API 1.41) refuse, so that Testcontainers reports no Docker at all.
 * This asks the local engine what it speaks and tells Testcontainers ({@code api.version}), unless
 * the user already chose or uses another engine ({@code DOCKER_HOST}). It must run before
 * Testcontainers first talks to the engine.
 */
final class DockerApiVersion {

	private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

	private static final Pattern API_VERSION = Pattern.compile("\"ApiVersion\"\\s*:\\s*\"(\\d+)\\.(\\d+)\"");

	private DockerApiVersion() {
	}

	static void align() {
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
		catch (IOException | RuntimeException ex) {
			// No engine answering there: Testcontainers will say so.
		}
	}

}
