package io.telcoflow.benchmarks.stacks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * The JDK's {@link java.net.http.WebSocket} on one {@link HttpClient} (its selector thread) with a
 * small fixed executor. Echoes are chained per connection by a {@link ChainedSender}: the JDK allows
 * one outstanding binary send at a time.
 */
final class JdkStack implements EchoStack {

	/** The HttpClient's executor: completions and the listener's calls run here. */
	static final int EXECUTOR_THREADS = 2;

	private final ExecutorService executor = Executors.newFixedThreadPool(EXECUTOR_THREADS,
			Threads.daemon("jdk-ws-client"));

	private final HttpClient client;

	private final ExecutorService writers;

	JdkStack(@Nullable SSLContext ssl, ExecutorService writers) {
		HttpClient.Builder builder = HttpClient.newBuilder().executor(this.executor);
		if (ssl != null) {
			builder.sslContext(ssl);
		}
		this.client = builder.build();
		this.writers = writers;
	}

	@Override
	public CompletableFuture<EchoConnection> open(URI uri, EchoEvents events) {
		Listener listener = new Listener(events);
		return this.client.newWebSocketBuilder()
			.buildAsync(uri, listener)
			.thenApply((webSocket) -> listener.connection(webSocket));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private final class Listener implements WebSocket.Listener {

		private final EchoEvents events;

		private volatile @Nullable Connection connection;

		private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

		private final StringBuilder partialText = new StringBuilder();

		Listener(EchoEvents events) {
			this.events = events;
		}

		synchronized Connection connection(WebSocket webSocket) {
			Connection current = this.connection;
			if (current == null) {
				current = new Connection(webSocket);
				this.connection = current;
			}
			return current;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			connection(webSocket);
			webSocket.request(1);
		}

		@Override
		public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] payload;
			if (last && this.partial.size() == 0) {
				payload = new byte[data.remaining()];
				data.get(payload);
			}
			else {
				byte[] chunk = new byte[data.remaining()];
				data.get(chunk);
				this.partial.writeBytes(chunk);
				if (!last) {
					webSocket.request(1);
					return null;
				}
				payload = this.partial.toByteArray();
				this.partial.reset();
			}
			this.events.binary(connection(webSocket), payload);
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partialText.append(data);
			if (last) {
				this.events.text(this.partialText.toString());
				this.partialText.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.events.closed();
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.events.closed();
		}

	}

	private final class Connection implements EchoConnection {

		private final WebSocket webSocket;

		private final ChainedSender sender;

		Connection(WebSocket webSocket) {
			this.webSocket = webSocket;
			this.sender = new ChainedSender(JdkStack.this.writers,
					(payload, done) -> webSocket.sendBinary(ByteBuffer.wrap(payload), true)
						.whenComplete((ignored, failure) -> done.accept(failure)),
					(sender, failure) -> this.webSocket.abort());
		}

		@Override
		public void send(byte[] payload) {
			this.sender.send(payload);
		}

		@Override
		public void close() {
			this.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
		}

	}

}
