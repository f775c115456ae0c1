package io.telcoflow.client.internal.transport;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

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
	 * How long a media connection may stay unable to write before it is declared lost (and the
	 * call resumed on a new one). Not "a few frames": on a loaded machine a healthy server was
	 * measured to stop reading for 0.6 and 1.1 s (load average 22 on 2 cores), and a false alarm
	 * costs a resume. A server that stops pulling is found by the heartbeat instead.
	 */
	static final Duration MEDIA_WRITE_BOUND = Duration.ofSeconds(2);

	/** How long the control connection may stay unable to write before it is declared lost. */
	static final Duration CONTROL_WRITE_BOUND = Duration.ofSeconds(10);

	private final EventLoops loops;

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
		this.loops = new EventLoops(ioThreads());
		JdkSslContext tls = new JdkSslContext((sslContext != null) ? sslContext : defaultContext(), true,
				ClientAuth.NONE);
		this.control = new Stack(this.loops, tls, connectTimeout, 32 * 1024, 256 * 1024);
		this.media = new Stack(this.loops, tls, connectTimeout, 16 * 1024, 64 * 1024);
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
	 * Opens a call's media connection, with a shorter write bound than the control connection's.
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
		int loop = this.loops.acquire();
		AtomicBoolean released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				this.loops.release(loop);
			}
		};
		connection.whenClosed(release);
		Disposable attempt;
		try {
			attempt = stack.client(uri, loop)
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
			release.run();
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
				release.run();
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
	 * Runs a task on the event loop that serves the fewest connections, so that work a reader
	 * hands off (opening an offered call) runs beside it, not after it.
	 * @param task the task; it must not block
	 */
	public void dispatch(Runnable task) {
		this.loops.leastLoaded().execute(task);
	}

	/**
	 * Returns whether the event loops have been released.
	 * @return whether disposed
	 */
	public boolean isDisposed() {
		return this.loops.isTerminated();
	}

	/**
	 * Releases the event loops; open connections are closed.
	 */
	public void destroy() {
		this.loops.shutdown();
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

		private final List<HttpClient> plain = new ArrayList<>();

		private final List<HttpClient> secure = new ArrayList<>();

		Stack(EventLoops loops, JdkSslContext tls, Duration connectTimeout, int lowWaterMark, int highWaterMark) {
			for (EventLoop loop : loops.loops()) {
				// one client per loop, made once: the stack keeps per-client state (its resolver)
				HttpClient http = HttpClient.newConnection()
					.runOn(loop)
					.option(ChannelOption.TCP_NODELAY, true)
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
							(int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
					.option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(lowWaterMark, highWaterMark));
				this.plain.add(http);
				this.secure.add(http.secure((spec) -> spec.sslContext(tls).handshakeTimeout(connectTimeout)));
			}
		}

		HttpClient client(URI uri, int loop) {
			return ("wss".equalsIgnoreCase(uri.getScheme()) ? this.secure : this.plain).get(loop);
		}

	}

}
