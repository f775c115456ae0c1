package io.telcoflow.benchmarks.stacks;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee11.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

import javax.net.ssl.SSLContext;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Spring's servlet-stack {@link StandardWebSocketClient} on a Jakarta WebSocket container: Tomcat's
 * {@link WsWebSocketContainer} (what the SDK uses today, with its defaults: the handshake on a new
 * thread per connection) or Jetty 12's {@link JakartaWebSocketClientContainer} on a bounded thread
 * pool. Spring Framework 7 has no servlet-stack client of its own for Jetty, so Jetty is reached
 * through the standard (Jakarta) client. Echoes go through {@code getAsyncRemote()}, chained per
 * connection by a {@link ChainedSender}.
 */
final class StandardStack implements EchoStack {

	/**
	 * Jetty's pool: bounded ({@code -Dstacks.jetty.threads}; 32, because with 16 a TLS burst of 50
	 * timed out), with Jetty's default reserved threads ({@code -Dstacks.jetty.reserved}).
	 */
	static final int JETTY_MAX_THREADS = Integer.getInteger("stacks.jetty.threads", 32);

	private final StandardWebSocketClient client;

	private final ExecutorService writers;

	private final @Nullable LifeCycle jetty;

	private StandardStack(WebSocketContainer container, @Nullable LifeCycle jetty, @Nullable SSLContext ssl,
			ExecutorService writers) {
		this.client = new StandardWebSocketClient(container);
		if (ssl != null) {
			this.client.setSslContext(ssl);
		}
		this.jetty = jetty;
		this.writers = writers;
	}

	static StandardStack tomcat(@Nullable SSLContext ssl, ExecutorService writers) {
		return new StandardStack(new WsWebSocketContainer(), null, ssl, writers);
	}

	static StandardStack jetty(@Nullable SSLContext ssl, ExecutorService writers) {
		QueuedThreadPool pool = new QueuedThreadPool(JETTY_MAX_THREADS, 2);
		pool.setName("jetty-ws-client");
		pool.setReservedThreads(Integer.getInteger("stacks.jetty.reserved", -1));
		pool.setDaemon(true);
		ClientConnector connector = new ClientConnector();
		connector.setExecutor(pool);
		connector.setSelectors(1);
		if (ssl != null) {
			SslContextFactory.Client sslFactory = new SslContextFactory.Client();
			sslFactory.setSslContext(ssl);
			connector.setSslContextFactory(sslFactory);
		}
		HttpClient httpClient = new HttpClient(
				new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector));
		httpClient.setExecutor(pool);
		// Jetty gives up on a handshake after 5 s by default; the other stacks wait, and so must it in a burst
		httpClient.setConnectTimeout(60_000);
		JakartaWebSocketClientContainer container = new JakartaWebSocketClientContainer(httpClient);
		try {
			container.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start Jetty's WebSocket client", ex);
		}
		return new StandardStack(container, container, ssl, writers);
	}

	@Override
	public CompletableFuture<EchoConnection> open(URI uri, EchoEvents events) {
		Handler handler = new Handler(events);
		return this.client.execute(handler, new WebSocketHttpHeaders(), uri).thenApply((session) -> handler.connection);
	}

	@Override
	public void close() {
		if (this.jetty != null) {
			try {
				this.jetty.stop();
			}
			catch (Exception ex) {
				// the process ends anyway
			}
		}
	}

	private final class Handler extends AbstractWebSocketHandler {

		private final EchoEvents events;

		private volatile @Nullable Connection connection;

		Handler(EchoEvents events) {
			this.events = events;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.connection = new Connection(session);
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
			ByteBuffer payload = message.getPayload();
			byte[] copy = new byte[payload.remaining()];
			payload.get(copy);
			Connection connection = this.connection;
			if (connection != null) {
				this.events.binary(connection, copy);
			}
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			this.events.text(message.getPayload());
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			this.events.closed();
		}

	}

	private final class Connection implements EchoConnection {

		private final WebSocketSession session;

		private final ChainedSender sender;

		Connection(WebSocketSession session) {
			this.session = session;
			Session nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
			jakarta.websocket.RemoteEndpoint.Async remote = nativeSession.getAsyncRemote();
			this.sender = new ChainedSender(StandardStack.this.writers,
					(payload, done) -> remote.sendBinary(ByteBuffer.wrap(payload),
							(result) -> done.accept(result.isOK() ? null : result.getException())),
					(sender, failure) -> close());
		}

		@Override
		public void send(byte[] payload) {
			this.sender.send(payload);
		}

		@Override
		public void close() {
			try {
				this.session.close(CloseStatus.NORMAL);
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
