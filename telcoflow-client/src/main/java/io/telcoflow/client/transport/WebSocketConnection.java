package io.telcoflow.client.transport;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open WebSocket connection. Sends are serialised (one writer at a time, whatever the calling
 * thread); a heartbeat pings the server and declares the connection dead when nothing at all
 * arrived for two intervals. Messages arrive from Tomcat in parts of at most its small buffers
 * and are assembled here up to {@link #MAX_MESSAGE} (bytes of a binary message, characters of a
 * text message); a larger message is dropped and reported with
 * {@link FrameListener#onOversized(String)}, and the connection stays open.
 */
public final class WebSocketConnection {

	/** Close code of a connection lost without a close frame. */
	public static final int ABNORMAL = 1006;

	/** Close code of a normal close. */
	public static final int NORMAL = 1000;

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	/** The largest message assembled (the protocol's limit of a frame, 64 KiB). */
	static final int MAX_MESSAGE = 64 * 1024;

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

	private final String name;

	private final FrameListener listener;

	private final ScheduledExecutorService scheduler;

	private final Executor background;

	private final Object sendLock = new Object();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile @Nullable WebSocketSession session;

	private volatile long lastReceivedNanos = System.nanoTime();

	private volatile @Nullable ScheduledFuture<?> heartbeat;

	WebSocketConnection(String name, FrameListener listener, ScheduledExecutorService scheduler, Executor background) {
		this.name = name;
		this.listener = listener;
		this.scheduler = scheduler;
		this.background = background;
	}

	/**
	 * Returns the name used in logs.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns whether the connection is open.
	 * @return whether open
	 */
	public boolean isOpen() {
		WebSocketSession current = this.session;
		return !this.closed.get() && current != null && current.isOpen();
	}

	/**
	 * Sends a text frame.
	 * @param text the frame
	 * @return whether it was sent
	 */
	public boolean sendText(String text) {
		return send(new TextMessage(text));
	}

	/**
	 * Sends a binary frame; the bytes may be reused once this returns.
	 * @param data the bytes
	 * @param offset where they start
	 * @param length how many
	 * @return whether it was sent
	 */
	public boolean sendBinary(byte[] data, int offset, int length) {
		return send(new BinaryMessage(data, offset, length, true));
	}

	private boolean send(WebSocketMessage<?> message) {
		WebSocketSession current = this.session;
		if (current == null || this.closed.get()) {
			return false;
		}
		synchronized (this.sendLock) {
			try {
				current.sendMessage(message);
				return true;
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("{}: send failed: {}", this.name, ex.toString());
				abort("send failed: " + ex.getClass().getSimpleName());
				return false;
			}
		}
	}

	/**
	 * Starts pinging at the interval; the connection is declared dead (closed and reported with
	 * {@link #ABNORMAL}) when nothing arrived for two intervals.
	 * @param interval the heartbeat interval
	 */
	public void startHeartbeat(Duration interval) {
		ScheduledFuture<?> previous = this.heartbeat;
		if (previous != null) {
			previous.cancel(false);
		}
		long nanos = interval.toNanos();
		this.lastReceivedNanos = System.nanoTime();
		try {
			this.heartbeat = this.scheduler.scheduleAtFixedRate(() -> beat(nanos), nanos, nanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the client is closed: this connection has no future
			abort("client closed");
		}
	}

	private void beat(long intervalNanos) {
		if (this.closed.get()) {
			cancelHeartbeat();
			return;
		}
		long silence = System.nanoTime() - this.lastReceivedNanos;
		if (silence >= 2 * intervalNanos) {
			logger.debug("{}: nothing received for {} ms; closing as dead", this.name, silence / 1_000_000);
			abort("no frame from the server for " + (silence / 1_000_000) + " ms");
			return;
		}
		this.background.execute(() -> send(new PingMessage(EMPTY)));
	}

	private void cancelHeartbeat() {
		ScheduledFuture<?> current = this.heartbeat;
		if (current != null) {
			current.cancel(false);
		}
	}

	/**
	 * Closes the connection with a close frame; the listener's {@code onClosed} follows.
	 * @param code the close code
	 * @param reason the reason
	 */
	public void close(int code, String reason) {
		cancelHeartbeat();
		WebSocketSession current = this.session;
		if (current == null || !notifyClosed(code, reason)) {
			return;
		}
		this.background.execute(() -> closeSession(current, new CloseStatus(code, reason)));
	}

	/**
	 * Reports the connection lost at once and closes it in the background.
	 * @param reason why
	 */
	public void abort(String reason) {
		cancelHeartbeat();
		WebSocketSession current = this.session;
		if (!notifyClosed(ABNORMAL, reason)) {
			return;
		}
		if (current != null) {
			this.background.execute(() -> closeSession(current, CloseStatus.GOING_AWAY));
		}
	}

	private void closeSession(WebSocketSession session, CloseStatus status) {
		// the close frame is a send too: never at the same time as another one
		try {
			synchronized (this.sendLock) {
				session.close(status);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("{}: close failed: {}", this.name, ex.toString());
		}
	}

	private boolean notifyClosed(int code, String reason) {
		if (!this.closed.compareAndSet(false, true)) {
			return false;
		}
		cancelHeartbeat();
		try {
			this.listener.onClosed(code, reason);
		}
		catch (RuntimeException ex) {
			logger.warn("{}: close listener failed", this.name, ex);
		}
		return true;
	}

	/**
	 * Returns the size of the connection's binary message buffer in Tomcat (what the connection
	 * holds for its whole life).
	 * @return the size in bytes, or -1 before the connection is open
	 */
	int binaryMessageBufferSize() {
		WebSocketSession current = this.session;
		return (current != null) ? current.getBinaryMessageSizeLimit() : -1;
	}

	/**
	 * Reads whether Nagle's algorithm is off on the connection's socket.
	 * @return whether {@code TCP_NODELAY} is set, or {@code null} when the socket cannot be found
	 */
	@Nullable Boolean tcpNoDelay() {
		WebSocketSession current = this.session;
		AsynchronousSocketChannel channel = (current != null) ? TcpNoDelay.socketChannel(current) : null;
		try {
			return (channel != null) ? channel.getOption(StandardSocketOptions.TCP_NODELAY) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	WebSocketHandler handler() {
		return new Handler();
	}

	@Override
	public String toString() {
		return "WebSocketConnection[" + this.name + "]";
	}

	/**
	 * Adapts Spring WebSocket's callbacks.
	 */
	private final class Handler implements WebSocketHandler {

		private volatile @Nullable Throwable transportError;

		/** Parts of a text message (reader thread only); null when none is pending. */
		private @Nullable StringBuilder textParts;

		/** Parts of a binary message (reader thread only); null when none is pending. */
		private @Nullable ByteBuffer binaryParts;

		/** Characters or bytes of the pending message so far, including dropped ones. */
		private long partsLength;

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			TcpNoDelay.enable(session);
			WebSocketConnection.this.session = session;
			WebSocketConnection.this.lastReceivedNanos = System.nanoTime();
			WebSocketConnection.this.listener.onOpen(WebSocketConnection.this);
		}

		@Override
		public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
			WebSocketConnection.this.lastReceivedNanos = System.nanoTime();
			if (WebSocketConnection.this.closed.get()) {
				return;
			}
			try {
				if (message instanceof TextMessage text) {
					text(text.getPayload(), text.isLast());
				}
				else if (message instanceof BinaryMessage binary) {
					binary(binary.getPayload(), binary.isLast());
				}
				else if (!(message instanceof PongMessage)) {
					logger.debug("{}: ignored {}", WebSocketConnection.this.name, message.getClass().getSimpleName());
				}
			}
			catch (RuntimeException ex) {
				// one bad frame must never close the connection (and with it a call, or every offer)
				logger.warn("{}: a {} frame could not be handled; dropped", WebSocketConnection.this.name,
						message.getClass().getSimpleName(), ex);
			}
		}

		private void text(String part, boolean last) {
			StringBuilder parts = this.textParts;
			if (last && parts == null && this.partsLength == 0) {
				WebSocketConnection.this.listener.onText(part);
				return;
			}
			this.partsLength += part.length();
			if (this.partsLength <= MAX_MESSAGE) {
				parts = (parts != null) ? parts : new StringBuilder(Math.min(MAX_MESSAGE, 2 * part.length()));
				parts.append(part);
				this.textParts = parts;
			}
			else {
				this.textParts = null;
			}
			if (last) {
				long length = this.partsLength;
				this.textParts = null;
				this.partsLength = 0;
				if (length <= MAX_MESSAGE && parts != null) {
					WebSocketConnection.this.listener.onText(parts.toString());
				}
				else {
					oversized("text message of " + length + " characters exceeds " + MAX_MESSAGE + "; dropped");
				}
			}
		}

		private void binary(ByteBuffer part, boolean last) {
			ByteBuffer parts = this.binaryParts;
			if (last && parts == null && this.partsLength == 0) {
				WebSocketConnection.this.listener.onBinary(part);
				return;
			}
			this.partsLength += part.remaining();
			if (this.partsLength <= MAX_MESSAGE) {
				if (parts == null || parts.remaining() < part.remaining()) {
					ByteBuffer grown = ByteBuffer.allocate((int) Math.min(MAX_MESSAGE, 2 * this.partsLength));
					if (parts != null) {
						grown.put(parts.flip());
					}
					parts = grown;
				}
				parts.put(part);
				this.binaryParts = parts;
			}
			else {
				this.binaryParts = null;
			}
			if (last) {
				long length = this.partsLength;
				this.binaryParts = null;
				this.partsLength = 0;
				if (length <= MAX_MESSAGE && parts != null) {
					WebSocketConnection.this.listener.onBinary(parts.flip());
				}
				else {
					oversized("binary message of " + length + " bytes exceeds " + MAX_MESSAGE + "; dropped");
				}
			}
		}

		private void oversized(String description) {
			logger.warn("{}: {}", WebSocketConnection.this.name, description);
			WebSocketConnection.this.listener.onOversized(description);
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			this.transportError = exception;
			logger.debug("{}: transport error: {}", WebSocketConnection.this.name, exception.toString());
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			Throwable error = this.transportError;
			String reason = (status.getReason() != null) ? status.getReason() : "";
			if (error != null && status.getCode() == ABNORMAL) {
				reason = error.getClass().getSimpleName();
			}
			notifyClosed(status.getCode(), reason);
		}

		@Override
		public boolean supportsPartialMessages() {
			// Tomcat's buffers stay small (see WebSocketTransport); messages are assembled here
			return true;
		}

	}

}
