package io.telcoflow.client.transport;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;

/**
 * Opens WebSocket connections with Reactor Netty's WebSocket client. Every control and
 * media connection, {@code ws://} and {@code wss://} alike, is served by one small, fixed set of
 * event-loop threads ({@link #ioThreads()}): a connection costs its socket and buffers, not
 * threads. TLS uses the given context and verifies the server's host name (endpoint
 * identification {@code HTTPS}); {@code TCP_NODELAY} is set on every socket.
 * <p>
 * The whole opening handshake (TCP connect, TLS and the HTTP upgrade) has one deadline, the
 * connect timeout; a connection that opens after its attempt timed out or was cancelled is closed
 * at once.
 */
public final class WebSocketTransport {

	/**
	 * The largest frame the decoder accepts, in bytes. The protocol's limit of a message is
	 * {@link WebSocketConnection#MAX_MESSAGE}: a larger one (up to this) is dropped and reported,
	 * and the connection stays open; a frame above this closes the connection (1009).
	 */
	static final int MAX_FRAME = 1024 * 1024;

	/**
	 * A media connection's socket send buffer, in bytes: about a third of a second of 24 kHz
	 * audio, so that a peer that stops reading is noticed within {@link #MEDIA_WRITE_BOUND}
	 * instead of after the kernel has buffered megabytes.
	 */
	static final int MEDIA_SEND_BUFFER = 16 * 1024;

	/** How long a media connection may stay unable to write before it is declared dead. */
	static final Duration MEDIA_WRITE_BOUND = Duration.ofMillis(500);

	/** How long the control connection may stay unable to write before it is declared dead. */
	static final Duration CONTROL_WRITE_BOUND = Duration.ofSeconds(5);

	private final LoopResources loops;

	private final Stack control;

	private final Stack media;

	private final Duration connectTimeout;

	private final ScheduledExecutorService scheduler;

	private final boolean clientCertificate;

	/**
	 * Creates a transport.
	 * @param sslContext the TLS context for {@code wss://}, or {@code null} for the JDK's default
	 * @param clientCertificate whether the context presents a client certificate (for messages)
	 * @param connectTimeout how long a whole opening handshake may take
	 * @param scheduler runs heartbeats and handshake deadlines
	 */
	public WebSocketTransport(@Nullable SSLContext sslContext, boolean clientCertificate, Duration connectTimeout,
			ScheduledExecutorService scheduler) {
		this.loops = LoopResources.create("telcoflow-io", ioThreads(), true);
		JdkSslContext tls = new JdkSslContext((sslContext != null) ? sslContext : defaultContext(), true,
				ClientAuth.NONE);
		this.control = new Stack(this.loops, tls, connectTimeout, 0, 32 * 1024, 256 * 1024);
		this.media = new Stack(this.loops, tls, connectTimeout, MEDIA_SEND_BUFFER, 8 * 1024, 32 * 1024);
		this.connectTimeout = connectTimeout;
		this.scheduler = scheduler;
		this.clientCertificate = clientCertificate;
	}

	/**
	 * Returns how many event-loop threads serve every connection: one per core, at least two.
	 * @return the number of threads
	 */
	static int ioThreads() {
		return Math.max(2, Runtime.getRuntime().availableProcessors());
	}

	private static SSLContext defaultContext() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no default TLS context", ex);
		}
	}

	/**
	 * Opens the control connection.
	 * @param uri the URL
	 * @param headers the upgrade request's headers
	 * @param name the connection's name in logs
	 * @param listener receives the frames
	 * @return a future completed with the open connection, or exceptionally with a
	 * {@link ConnectFailure}; cancelling it abandons the attempt (a connection that opens anyway
	 * is closed at once)
	 */
	public CompletableFuture<WebSocketConnection> open(URI uri, Map<String, String> headers, String name,
			FrameListener listener) {
		return open(this.control, CONTROL_WRITE_BOUND, uri, headers, name, listener);
	}

	/**
	 * Opens a call's media connection, with a small socket send buffer and a short write bound.
	 * @param uri the URL
	 * @param headers the upgrade request's headers
	 * @param name the connection's name in logs
	 * @param listener receives the frames
	 * @return a future completed with the open connection, or exceptionally with a
	 * {@link ConnectFailure}; cancelling it abandons the attempt
	 */
	public CompletableFuture<WebSocketConnection> openMedia(URI uri, Map<String, String> headers, String name,
			FrameListener listener) {
		return open(this.media, MEDIA_WRITE_BOUND, uri, headers, name, listener);
	}

	private CompletableFuture<WebSocketConnection> open(Stack stack, Duration writeBound, URI uri,
			Map<String, String> headers, String name, FrameListener listener) {
		WebSocketConnection connection = new WebSocketConnection(name, listener, this.scheduler, writeBound);
		String target = uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
		CompletableFuture<WebSocketConnection> result = new CompletableFuture<>();
		Disposable attempt;
		try {
			attempt = stack.client(uri)
				.headers((httpHeaders) -> headers.forEach(httpHeaders::set))
				.websocket(Stack.SPEC)
				.uri(uri)
				.handle((inbound, outbound) -> connection.run(inbound, result))
				.subscribe(null, (failure) -> {
					if (!result.completeExceptionally(classify(failure, target))) {
						connection.transportFailed(failure);
					}
				}, () -> result.completeExceptionally(
						new ConnectFailure(ConnectFailure.Kind.NETWORK, 0, "Connection to " + target + " closed", null)));
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(classify(ex, target));
			return result;
		}
		// one deadline for the whole handshake (TCP, TLS, upgrade): a connection that opens later,
		// or whose attempt was cancelled or failed, is closed at once
		ScheduledFuture<?> deadline;
		try {
			deadline = this.scheduler.schedule(() -> {
				if (connection.giveUp()) {
					result.completeExceptionally(classify(new TimeoutException(), target));
				}
			}, this.connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the client is closing
			result.cancel(false);
			deadline = null;
		}
		ScheduledFuture<?> timer = deadline;
		result.whenComplete((open, failure) -> {
			if (timer != null) {
				timer.cancel(false);
			}
			if (failure != null) {
				connection.abandon();
				attempt.dispose();
			}
		});
		return result;
	}

	private ConnectFailure classify(Throwable failure, String target) {
		if (failure instanceof TimeoutException) {
			return new ConnectFailure(ConnectFailure.Kind.NETWORK, 0,
					"WebSocket handshake with " + target + " timed out after " + this.connectTimeout, failure);
		}
		return ConnectFailure.classify(failure, target, this.clientCertificate);
	}

	/**
	 * Returns whether the event loops have been released.
	 * @return whether disposed
	 */
	public boolean isDisposed() {
		return this.loops.isDisposed();
	}

	/**
	 * Releases the event loops; open connections are closed.
	 */
	public void destroy() {
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).subscribe(null, (ignored) -> {
		});
	}

	/**
	 * Reactor Netty's HTTP client for one kind of connection, plain and with TLS, on the shared
	 * event loops. (Spring's {@code ReactorNettyWebSocketClient} is a thin adapter over the same
	 * client; it is not used because its session hides the frames and the channel that the
	 * single writer and fragment handling need.)
	 */
	private static final class Stack {

		/** Pings are answered by Reactor Netty; fragments are assembled by WebSocketConnection. */
		static final WebsocketClientSpec SPEC = WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build();

		private final HttpClient plain;

		private final HttpClient secure;

		Stack(LoopResources loops, JdkSslContext tls, Duration connectTimeout, int sendBuffer, int lowWaterMark,
				int highWaterMark) {
			HttpClient http = HttpClient.newConnection()
				.runOn(loops)
				.option(ChannelOption.TCP_NODELAY, true)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
				.option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(lowWaterMark, highWaterMark));
			if (sendBuffer > 0) {
				http = http.option(ChannelOption.SO_SNDBUF, sendBuffer);
			}
			this.plain = http;
			this.secure = http.secure((spec) -> spec.sslContext(tls).handshakeTimeout(connectTimeout));
		}

		HttpClient client(URI uri) {
			return "wss".equalsIgnoreCase(uri.getScheme()) ? this.secure : this.plain;
		}

	}

}
