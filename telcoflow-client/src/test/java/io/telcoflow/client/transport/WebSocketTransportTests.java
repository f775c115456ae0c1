package io.telcoflow.client.transport;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.telcoflow.simulator.TelcoflowSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketTransport}: what each connection costs and how it writes.
 */
class WebSocketTransportTests {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final WebSocketTransport transport = new WebSocketTransport(null, false, Duration.ofSeconds(5),
			this.scheduler, this.scheduler);

	@AfterEach
	void close() {
		this.transport.destroy();
		this.scheduler.shutdownNow();
	}

	@Test
	void tomcatsPerConnectionBuffersAreSmall() {
		// Tomcat holds a read buffer and a message buffer of the binary size and a CharBuffer of the
		// text size for each connection's whole life: 256 KiB each made 1.5 MiB per call
		int[] sizes = this.transport.bufferSizes();
		assertThat(sizes[0]).as("control text buffer (characters)").isLessThanOrEqualTo(8 * 1024);
		assertThat(sizes[1]).as("control binary buffer (bytes)").isLessThanOrEqualTo(8 * 1024);
		// one media connection per live call: what a call costs
		assertThat(sizes[2]).as("media text buffer (characters)").isLessThanOrEqualTo(1024);
		assertThat(sizes[3]).as("media binary buffer (bytes)").isBetween(1920, 4 * 1024);
		assertThat(WebSocketConnection.MAX_MESSAGE).isEqualTo(64 * 1024);
	}

	@Test
	void mediaConnectionsHoldSmallerTomcatBuffersThanTheControlConnection() throws Exception {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start()) {
			URI control = URI.create(simulator.url().replaceAll("/$", "") + "/v1/control");
			Map<String, String> headers = Map.of("Authorization", "Bearer " + simulator.apiKey(), "Telcoflow-Connector",
					simulator.connectorUuid());
			// any endpoint serves: the buffers are the client container's
			WebSocketConnection asControl = this.transport.open(control, headers, "control", new Ignore())
				.get(10, TimeUnit.SECONDS);
			WebSocketConnection asMedia = this.transport.openMedia(control, headers, "media", new Ignore())
				.get(10, TimeUnit.SECONDS);
			try {
				assertThat(asControl.binaryMessageBufferSize()).isEqualTo(WebSocketTransport.BINARY_BUFFER);
				assertThat(asMedia.binaryMessageBufferSize()).isEqualTo(WebSocketTransport.MEDIA_BINARY_BUFFER);
			}
			finally {
				asControl.close(WebSocketConnection.NORMAL, "done");
				asMedia.close(WebSocketConnection.NORMAL, "done");
			}
		}
	}

	@Test
	void nagleIsOffOnALiveConnection() throws Exception {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start()) {
			URI control = URI.create(simulator.url().replaceAll("/$", "") + "/v1/control");
			WebSocketConnection connection = this.transport
				.open(control, Map.of("Authorization", "Bearer " + simulator.apiKey(), "Telcoflow-Connector",
						simulator.connectorUuid()), "control", new Ignore())
				.get(10, TimeUnit.SECONDS);
			try {
				assertThat(connection.isOpen()).isTrue();
				assertThat(connection.tcpNoDelay()).isTrue();
			}
			finally {
				connection.close(WebSocketConnection.NORMAL, "done");
			}
		}
	}

	@Test
	void aCredentialHeaderValueIsSentWholeButPrintsMasked() {
		SecretHeaderValue value = new SecretHeaderValue("Bearer tf-live-secret");
		assertThat(value).containsExactly("Bearer tf-live-secret");
		assertThat(String.valueOf(Map.of("Authorization", value))).isEqualTo("{Authorization=[******]}")
			.doesNotContain("tf-live-secret");
	}

	private static final class Ignore implements FrameListener {

		@Override
		public void onText(String text) {
		}

		@Override
		public void onBinary(ByteBuffer data) {
		}

		@Override
		public void onClosed(int code, String reason) {
		}

	}

}
