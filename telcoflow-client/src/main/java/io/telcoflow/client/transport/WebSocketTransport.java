package io.telcoflow.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Opens WebSocket connections with Spring WebSocket's standard client on Tomcat's WebSocket
 * container. TLS uses the given context; Tomcat's client verifies the server's host name
 * (endpoint identification {@code HTTPS}).
 */
public final class WebSocketTransport {

	private static final String IO_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

	/**
	 * Tomcat's text message buffer, in characters. Tomcat holds it (as a {@code CharBuffer}) for
	 * the connection's whole life, as it does the binary buffer and a read buffer of the binary
	 * size; larger messages arrive in parts and are assembled by {@link WebSocketConnection}.
	 */
	static final int TEXT_BUFFER = 8 * 1024;

	/** Tomcat's binary message buffer, in bytes: a 20 ms frame at 48 kHz is 1920 bytes. */
	static final int BINARY_BUFFER = 8 * 1024;

	/**
	 * A media connection's text buffer, in characters: its text messages are {@code audio.pull}
	 * (about 40 characters), command results and call events, all far below it.
	 */
	static final int MEDIA_TEXT_BUFFER = 1024;

	/**
	 * A media connection's binary buffer (and Tomcat's read buffer), in bytes: one 20 ms frame at
	 * 48 kHz (1920 bytes) with room to spare. There is one per live call, so it is what a call costs.
	 */
	static final int MEDIA_BINARY_BUFFER = 4 * 1024;

	private final ThreadPoolExecutor connectPool;

	private final Stack control;

	private final Stack media;

	private final Duration connectTimeout;

	private final ScheduledExecutorService scheduler;

	private final Executor background;

	private final boolean clientCertificate;

	/**
	 * Creates a transport.
	 * @param sslContext the TLS context for {@code wss://}, or {@code null} for the JDK's default
	 * @param clientCertificate whether the context presents a client certificate (for messages)
	 * @param connectTimeout how long a handshake may take
	 * @param scheduler runs heartbeats
	 * @param background runs closes and pings off the reader threads
	 */
	public WebSocketTransport(@Nullable SSLContext sslContext, boolean clientCertificate, Duration connectTimeout,
			ScheduledExecutorService scheduler, Executor background) {
		// Tomcat's handshake blocks its thread: a pool keeps those threads for the next call, so
		// that a burst of offers does not start a thread per handshake
		CustomizableThreadFactory connectThreads = new CustomizableThreadFactory("telcoflow-connect-");
		connectThreads.setDaemon(true);
		this.connectPool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				connectThreads);
		TaskExecutorAdapter connectExecutor = new TaskExecutorAdapter(this.connectPool);
		this.control = new Stack(TEXT_BUFFER, BINARY_BUFFER, sslContext, connectTimeout, connectExecutor);
		this.media = new Stack(MEDIA_TEXT_BUFFER, MEDIA_BINARY_BUFFER, sslContext, connectTimeout, connectExecutor);
		this.connectTimeout = connectTimeout;
		this.scheduler = scheduler;
		this.background = background;
		this.clientCertificate = clientCertificate;
	}

	/**
	 * Opens the control connection (Tomcat buffers of {@link #TEXT_BUFFER} and
	 * {@link #BINARY_BUFFER}).
	 * @param uri the URL
	 * @param headers the upgrade request's headers
	 * @param name the connection's name in logs
	 * @param listener receives the frames
	 * @return a future completed with the open connection, or exceptionally with a
	 * {@link ConnectFailure}
	 */
	public CompletableFuture<WebSocketConnection> open(URI uri, Map<String, String> headers, String name,
			FrameListener listener) {
		return open(this.control, uri, headers, name, listener);
	}

	/**
	 * Opens a call's media connection, with the smaller Tomcat buffers of
	 * {@link #MEDIA_TEXT_BUFFER} and {@link #MEDIA_BINARY_BUFFER} (larger messages arrive in parts
	 * and are assembled by {@link WebSocketConnection}).
	 * @param uri the URL
	 * @param headers the upgrade request's headers
	 * @param name the connection's name in logs
	 * @param listener receives the frames
	 * @return a future completed with the open connection, or exceptionally with a
	 * {@link ConnectFailure}
	 */
	public CompletableFuture<WebSocketConnection> openMedia(URI uri, Map<String, String> headers, String name,
			FrameListener listener) {
		return open(this.media, uri, headers, name, listener);
	}

	private CompletableFuture<WebSocketConnection> open(Stack stack, URI uri, Map<String, String> headers, String name,
			FrameListener listener) {
		WebSocketConnection connection = new WebSocketConnection(name, listener, this.scheduler, this.background);
		WebSocketHttpHeaders httpHeaders = new WebSocketHttpHeaders();
		// credentials go out as lists that print masked: Spring's client logs the headers at TRACE
		headers.forEach((header, value) -> httpHeaders.put(header,
				isSecret(header) ? new SecretHeaderValue(value) : List.of(value)));
		String target = uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
		CompletableFuture<WebSocketConnection> result = new CompletableFuture<>();
		try {
			stack.client().execute(connection.handler(), httpHeaders, uri)
				.orTimeout(this.connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
				.whenComplete((session, failure) -> {
					if (failure == null) {
						result.complete(connection);
					}
					else {
						result.completeExceptionally(classify(failure, target));
					}
				});
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(classify(ex, target));
		}
		return result;
	}

	private static boolean isSecret(String header) {
		String lower = header.toLowerCase(Locale.ROOT);
		return lower.contains("authorization") || lower.contains("token") || lower.contains("key");
	}

	private ConnectFailure classify(Throwable failure, String target) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof TimeoutException) {
			return new ConnectFailure(ConnectFailure.Kind.NETWORK, 0,
					"WebSocket handshake with " + target + " timed out after " + this.connectTimeout, cause);
		}
		return ConnectFailure.classify(cause, target, this.clientCertificate);
	}

	/**
	 * Returns the WebSocket containers' per-connection buffer sizes.
	 * @return the control connection's text buffer (characters) and binary buffer (bytes), then
	 * the same for media connections
	 */
	int[] bufferSizes() {
		return new int[] { this.control.container().getDefaultMaxTextMessageBufferSize(),
				this.control.container().getDefaultMaxBinaryMessageBufferSize(),
				this.media.container().getDefaultMaxTextMessageBufferSize(),
				this.media.container().getDefaultMaxBinaryMessageBufferSize() };
	}

	/**
	 * Releases the WebSocket containers.
	 */
	public void destroy() {
		this.control.container().destroy();
		this.media.container().destroy();
		this.connectPool.shutdown();
	}

	/**
	 * A Tomcat WebSocket container with its buffer sizes, and Spring's client on it.
	 */
	private record Stack(WsWebSocketContainer container, StandardWebSocketClient client) {

		Stack(int textBuffer, int binaryBuffer, @Nullable SSLContext sslContext, Duration connectTimeout,
				TaskExecutorAdapter connectExecutor) {
			this(container(textBuffer, binaryBuffer), sslContext, connectTimeout, connectExecutor);
		}

		private Stack(WsWebSocketContainer container, @Nullable SSLContext sslContext, Duration connectTimeout,
				TaskExecutorAdapter connectExecutor) {
			this(container, new StandardWebSocketClient(container));
			if (sslContext != null) {
				this.client.setSslContext(sslContext);
			}
			Map<String, Object> properties = new HashMap<>();
			properties.put(IO_TIMEOUT_PROPERTY, String.valueOf(connectTimeout.toMillis()));
			this.client.setUserProperties(properties);
			this.client.setTaskExecutor(connectExecutor);
		}

		private static WsWebSocketContainer container(int textBuffer, int binaryBuffer) {
			WsWebSocketContainer container = new WsWebSocketContainer();
			// small per-connection buffers; messages above them arrive in parts (WebSocketConnection)
			container.setDefaultMaxTextMessageBufferSize(textBuffer);
			container.setDefaultMaxBinaryMessageBufferSize(binaryBuffer);
			return container;
		}

	}

}
