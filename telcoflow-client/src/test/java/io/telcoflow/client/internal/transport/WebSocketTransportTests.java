package io.telcoflow.client.internal.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Tests for {@link WebSocketTransport}: a few event-loop threads serve every connection, and how sockets are set up.
 */
class WebSocketTransportTests {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final WebSocketTransport transport = new WebSocketTransport(null, false, Duration.ofSeconds(5),
			this.scheduler);

	@AfterEach
	void close() {
		this.transport.destroy();
		this.scheduler.shutdownNow();
	}

	@Test
	void everyConnectionIsServedByTheSameFewEventLoopThreads() throws Exception {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start()) {
			Set<String> threads = ConcurrentHashMap.newKeySet();
			List<WebSocketConnection> connections = new ArrayList<>();
			long threadsBefore = clientThreads();
			for (int i = 0; i < 40; i++) {
				connections.add(this.transport.openMedia(controlUri(simulator), headers(simulator), "media " + i,
						new Ignore() {
							@Override
							public void onOpen(WebSocketConnection connection) {
								threads.add(Thread.currentThread().getName());
							}
						}).get(10, TimeUnit.SECONDS));
			}
			try {
				assertThat(threads).allSatisfy((name) -> assertThat(name).startsWith("telcoflow-io"));
				assertThat(threads).hasSizeLessThanOrEqualTo(WebSocketTransport.ioThreads());
				// 40 connections, not 40 (or 80) threads (the simulator in this JVM has a thread per connection)
				assertThat(clientThreads() - threadsBefore).isLessThanOrEqualTo(WebSocketTransport.ioThreads() + 2L);
			}
			finally {
				connections.forEach((connection) -> connection.close(WebSocketConnection.NORMAL, "done"));
			}
		}
	}

	@Test
	void connectionsOpenedOnAnEventLoopAreSpreadOverEveryLoop() throws Exception {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start()) {
			Set<String> threads = ConcurrentHashMap.newKeySet();
			List<CompletableFuture<WebSocketConnection>> media = new CopyOnWriteArrayList<>();
			// as with offers: media connections opened from the control connection's event loop
			WebSocketConnection control = this.transport.open(controlUri(simulator), headers(simulator), "control",
					new Ignore() {
						@Override
						public void onOpen(WebSocketConnection connection) {
							for (int i = 0; i < 10; i++) {
								media.add(WebSocketTransportTests.this.transport.openMedia(controlUri(simulator),
										headers(simulator), "media " + i, new Ignore() {
											@Override
											public void onOpen(WebSocketConnection opened) {
												threads.add(Thread.currentThread().getName());
											}
										}));
							}
						}
					}).get(10, TimeUnit.SECONDS);
			try {
				for (CompletableFuture<WebSocketConnection> opening : media) {
					opening.get(10, TimeUnit.SECONDS);
				}
				assertThat(threads).hasSize(WebSocketTransport.ioThreads());
			}
			finally {
				control.close(WebSocketConnection.NORMAL, "done");
				for (CompletableFuture<WebSocketConnection> opening : media) {
					opening.get(10, TimeUnit.SECONDS).close(WebSocketConnection.NORMAL, "done");
				}
			}
		}
	}

	@Test
	void nagleIsOffOnEveryConnection() throws Exception {
		try (TelcoflowSimulator simulator = TelcoflowSimulator.builder().build().start()) {
			WebSocketConnection control = this.transport
				.open(controlUri(simulator), headers(simulator), "control", new Ignore())
				.get(10, TimeUnit.SECONDS);
			WebSocketConnection media = this.transport
				.openMedia(controlUri(simulator), headers(simulator), "media", new Ignore())
				.get(10, TimeUnit.SECONDS);
			try {
				assertThat(control.isOpen()).isTrue();
				assertThat(control.tcpNoDelay()).isTrue();
				assertThat(media.tcpNoDelay()).isTrue();
				assertThat(WebSocketConnection.MAX_MESSAGE).isEqualTo(64 * 1024);
			}
			finally {
				control.close(WebSocketConnection.NORMAL, "done");
				media.close(WebSocketConnection.NORMAL, "done");
			}
		}
	}

	private static long clientThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter((thread) -> !thread.getName().startsWith("telcoflow-sim")).count();
	}

	private static URI controlUri(TelcoflowSimulator simulator) {
		// any endpoint serves: these tests look at the connection, not the protocol
		return URI.create(simulator.url().replaceAll("/$", "") + "/v1/control");
	}

	private static Map<String, String> headers(TelcoflowSimulator simulator) {
		return Map.of("Authorization", "Bearer " + simulator.apiKey(), "Telcoflow-Connector", simulator.connectorUuid());
	}

	private static class Ignore implements FrameListener {

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
