package io.telcoflow.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal test peer on the JDK's own WebSocket client: independent of the SDK and of the
 * simulator's server code.
 */
final class TestWebSocket implements WebSocket.Listener {

	static final JsonMapper json = JsonMapper.builder().build();

	final BlockingQueue<JsonNode> texts = new LinkedBlockingQueue<>();

	final List<JsonNode> allTexts = java.util.Collections.synchronizedList(new ArrayList<>());

	final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();

	final AtomicInteger pongs = new AtomicInteger();

	final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder textPart = new StringBuilder();

	private final java.io.ByteArrayOutputStream binaryPart = new java.io.ByteArrayOutputStream();

	private @Nullable WebSocket webSocket;

	static TestWebSocket control(TelcoflowSimulator sim) {
		return connect(sim.url() + "/v1/control", apiKeyHeaders(sim), null);
	}

	static Map<String, String> apiKeyHeaders(TelcoflowSimulator sim) {
		return Map.of("Authorization", "Bearer " + sim.apiKey(), "Telcoflow-Connector", sim.connectorUuid());
	}

	static TestWebSocket connect(String url, Map<String, String> headers, @Nullable SSLContext sslContext) {
		TestWebSocket listener = new TestWebSocket();
		HttpClient.Builder clientBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
		if (sslContext != null) {
			clientBuilder.sslContext(sslContext);
		}
		WebSocket.Builder builder = clientBuilder.build().newWebSocketBuilder();
		headers.forEach(builder::header);
		listener.webSocket = builder.buildAsync(URI.create(url), listener).orTimeout(10, TimeUnit.SECONDS).join();
		return listener;
	}

	/** Returns the HTTP status of a refused upgrade, or -1 for another failure; fails when it connects. */
	static int refusalStatus(String url, Map<String, String> headers, @Nullable SSLContext sslContext) {
		try {
			TestWebSocket socket = connect(url, headers, sslContext);
			socket.abort();
			throw new AssertionError("upgrade to " + url + " was accepted");
		}
		catch (CompletionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof WebSocketHandshakeException handshake) {
				return handshake.getResponse().statusCode();
			}
			return -1;
		}
	}

	WebSocket socket() {
		WebSocket current = this.webSocket;
		if (current == null) {
			throw new IllegalStateException("not connected");
		}
		return current;
	}

	void send(String text) {
		socket().sendText(text, true).join();
	}

	void sendBinary(byte[] data) {
		socket().sendBinary(ByteBuffer.wrap(data), true).join();
	}

	void ping() {
		socket().sendPing(ByteBuffer.wrap(new byte[] { 1 })).join();
	}

	void close() {
		socket().sendClose(1000, "bye").join();
	}

	void abort() {
		socket().abort();
	}

	/** Waits for the next text message of a type, skipping others. */
	JsonNode await(String type) {
		return await((message) -> type.equals(message.path("type").asString()), type);
	}

	JsonNode await(Predicate<JsonNode> condition, String description) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (true) {
			long left = deadline - System.nanoTime();
			JsonNode next;
			try {
				next = (left > 0) ? this.texts.poll(left, TimeUnit.NANOSECONDS) : null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			if (next == null) {
				throw new AssertionError("no " + description + " within 20 s; received " + this.allTexts);
			}
			if (condition.test(next)) {
				return next;
			}
		}
	}

	byte[] awaitBinary() {
		try {
			byte[] next = this.binaries.poll(20, TimeUnit.SECONDS);
			if (next == null) {
				throw new AssertionError("no binary frame within 20 s");
			}
			return next;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	int awaitClose() {
		return this.closed.orTimeout(10, TimeUnit.SECONDS).join();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.textPart.append(data);
		if (last) {
			JsonNode node;
			String text = this.textPart.toString();
			this.textPart.setLength(0);
			try {
				node = json.readTree(text);
			}
			catch (RuntimeException ex) {
				node = json.createObjectNode().put("type", "<unparsable>").put("raw", text);
			}
			this.allTexts.add(node);
			this.texts.add(node);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		this.binaryPart.writeBytes(bytes);
		if (last) {
			this.binaries.add(this.binaryPart.toByteArray());
			this.binaryPart.reset();
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
		this.pongs.incrementAndGet();
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(1006);
	}

}
