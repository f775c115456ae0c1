package io.telcoflow.client.internal.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * One open WebSocket connection, served by an event-loop thread that it shares with other
 * connections.
 * <p>
 * <b>Writing.</b> Any thread may send; sending never touches the socket and never waits: the
 * frame joins the connection's outbox and the event loop, its single writer, writes the outbox in
 * order and flushes once per batch. A connection whose socket stays unable to take more bytes
 * for longer than its write bound (the peer stopped reading), or whose outbox outgrows
 * {@link #MAX_QUEUED}, is declared lost ({@link #ABNORMAL}); nothing else waits for it.
 * <p>
 * <b>Reading.</b> Frames arrive on the event loop and are handed to the {@link FrameListener}
 * there, assembled from fragments up to {@link #MAX_MESSAGE} (bytes); a larger message is dropped
 * and reported with {@link FrameListener#onOversized(String)}, and the connection stays open. A
 * heartbeat pings the server and declares the connection dead when nothing at all arrived for two
 * intervals.
 */
public final class WebSocketConnection {

	/** Close code of a connection lost without a close frame. */
	public static final int ABNORMAL = 1006;

	/** Close code of a normal close. */
	public static final int NORMAL = 1000;

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	/** The largest message assembled (the protocol's limit of a frame, 64 KiB). */
	static final int MAX_MESSAGE = 64 * 1024;

	/** The most bytes waiting in the outbox before the connection is declared lost. */
	static final int MAX_QUEUED = 1024 * 1024;

	/** How long the server has to answer a close frame before the socket is closed anyway. */
	private static final long CLOSE_GRACE_MS = 1000;

	private static final int CONNECTING = 0;

	private static final int OPEN = 1;

	private static final int ABANDONED = 2;

	private final String name;

	private final FrameListener listener;

	private final ScheduledExecutorService scheduler;

	private final long writeBoundNanos;

	private final AtomicInteger phase = new AtomicInteger(CONNECTING);

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Queue<WebSocketFrame> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private final Runnable drain = this::drain;

	private final Assembler assembler = new Assembler();

	private volatile @Nullable Channel channel;

	private volatile long lastReceivedNanos = System.nanoTime();

	/** When the socket stopped taking bytes, 0 while it takes them. */
	private volatile long unwritableSinceNanos;

	private volatile @Nullable ScheduledFuture<?> heartbeat;

	private volatile int remoteCloseCode = ABNORMAL;

	private volatile String remoteCloseReason = "";

	private volatile @Nullable Throwable transportError;

	private volatile Runnable onChannelClosed = () -> {
	};

	WebSocketConnection(String name, FrameListener listener, ScheduledExecutorService scheduler, Duration writeBound) {
		this.name = name;
		this.listener = listener;
		this.scheduler = scheduler;
		this.writeBoundNanos = writeBound.toNanos();
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
		Channel current = this.channel;
		return !this.closed.get() && current != null && current.isActive();
	}

	/**
	 * Sends a text frame; never blocks.
	 * @param text the frame
	 * @return whether it was queued for sending (false once the connection is closed or lost)
	 */
	public boolean sendText(String text) {
		return send(new TextWebSocketFrame(text));
	}

	/**
	 * Sends a binary frame; never blocks. The bytes are copied: they may be reused at once.
	 * @param data the bytes
	 * @param offset where they start
	 * @param length how many
	 * @return whether it was queued for sending (false once the connection is closed or lost)
	 */
	public boolean sendBinary(byte[] data, int offset, int length) {
		if (this.closed.get() || this.channel == null) {
			return false;
		}
		return send(new BinaryWebSocketFrame(Unpooled.copiedBuffer(data, offset, length)));
	}

	private boolean send(WebSocketFrame frame) {
		Channel current = this.channel;
		if (current == null || this.closed.get()) {
			frame.release();
			return false;
		}
		String stall = stall(current);
		if (stall != null) {
			frame.release();
			abort(stall);
			return false;
		}
		enqueue(current, frame);
		return true;
	}

	private void enqueue(Channel current, WebSocketFrame frame) {
		if (current.eventLoop().inEventLoop() && !this.drainScheduled.get() && this.outbox.isEmpty()
				&& !(frame instanceof CloseWebSocketFrame)) {
			// the writer itself (a pull answered on the reader): nothing waits before this frame
			current.writeAndFlush(frame);
			return;
		}
		// counted as the drain counts it (the encoded payload), so that the count returns to zero
		this.queuedBytes.addAndGet(frame.content().readableBytes());
		this.outbox.add(frame);
		if (this.drainScheduled.compareAndSet(false, true)) {
			try {
				current.eventLoop().execute(this.drain);
			}
			catch (RejectedExecutionException ex) {
				// the event loops are shut down: the client is closing
				this.drainScheduled.set(false);
				releaseOutbox();
			}
		}
	}

	/**
	 * Why the connection must be given up as unable to write, or {@code null} while it writes.
	 */
	private @Nullable String stall(Channel current) {
		if (this.queuedBytes.get() > MAX_QUEUED) {
			return "more than " + MAX_QUEUED + " bytes wait to be sent";
		}
		if (current.isWritable()) {
			this.unwritableSinceNanos = 0;
			return null;
		}
		long now = System.nanoTime();
		long since = this.unwritableSinceNanos;
		if (since == 0) {
			this.unwritableSinceNanos = now;
			return null;
		}
		long stalledNanos = now - since;
		return (stalledNanos > this.writeBoundNanos)
				? "the server took no data for " + (stalledNanos / 1_000_000) + " ms (write bound "
						+ (this.writeBoundNanos / 1_000_000) + " ms)"
				: null;
	}

	/** The single writer (event loop): writes the outbox in order, then flushes once. */
	private void drain() {
		// cleared before polling: a frame added meanwhile is either polled here or schedules a drain
		this.drainScheduled.set(false);
		Channel current = this.channel;
		boolean wrote = false;
		WebSocketFrame frame;
		while ((frame = this.outbox.poll()) != null) {
			this.queuedBytes.addAndGet(-frame.content().readableBytes());
			if (current == null || !current.isActive()) {
				frame.release();
			}
			else if (frame instanceof CloseWebSocketFrame) {
				current.writeAndFlush(frame);
				// the server answers with its close frame and closes; if it does not, close anyway
				current.eventLoop().schedule(() -> current.close(), CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
				wrote = false;
			}
			else {
				current.write(frame);
				wrote = true;
			}
		}
		if (wrote && current != null) {
			current.flush();
		}
	}

	private void releaseOutbox() {
		WebSocketFrame frame;
		while ((frame = this.outbox.poll()) != null) {
			frame.release();
		}
		this.queuedBytes.set(0);
	}

	/**
	 * Starts pinging at the interval; the connection is declared dead (closed and reported with
	 * {@link #ABNORMAL}) when nothing arrived for two intervals.
	 * @param interval the heartbeat interval
	 */
	public void startHeartbeat(Duration interval) {
		cancelHeartbeat();
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
		send(new PingWebSocketFrame());
	}

	private void cancelHeartbeat() {
		ScheduledFuture<?> current = this.heartbeat;
		if (current != null) {
			current.cancel(false);
		}
	}

	/**
	 * Closes the connection with a close frame; the listener's {@code onClosed} follows at once.
	 * @param code the close code
	 * @param reason the reason
	 */
	public void close(int code, String reason) {
		Channel current = this.channel;
		if (current == null || !notifyClosed(code, reason)) {
			return;
		}
		enqueue(current, new CloseWebSocketFrame(code, reason));
	}

	/**
	 * Reports the connection lost at once and closes its socket.
	 * @param reason why
	 */
	public void abort(String reason) {
		if (!notifyClosed(ABNORMAL, reason)) {
			return;
		}
		Channel current = this.channel;
		if (current != null) {
			current.close();
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
	 * The handshake succeeded (event loop): opens the connection unless its attempt was abandoned,
	 * and returns what reads its frames until it closes.
	 * @param inbound the connection's inbound side
	 * @param opened completed with this connection once open
	 * @return completes when the connection has closed
	 */
	Mono<Void> run(WebsocketInbound inbound, CompletableFuture<WebSocketConnection> opened) {
		Channel[] holder = new Channel[1];
		inbound.withConnection((connection) -> holder[0] = connection.channel());
		Channel current = holder[0];
		if (!this.phase.compareAndSet(CONNECTING, OPEN)) {
			// timed out, cancelled or superseded while the handshake ran: never used, closed at once
			this.closed.set(true);
			current.closeFuture().addListener((future) -> this.onChannelClosed.run());
			current.close();
			return Mono.empty();
		}
		this.channel = current;
		this.lastReceivedNanos = System.nanoTime();
		inbound.receiveCloseStatus().subscribe((status) -> {
			this.remoteCloseCode = status.code();
			this.remoteCloseReason = (status.reasonText() != null) ? status.reasonText() : "";
		}, (ignored) -> {
		});
		current.closeFuture().addListener((future) -> channelClosed());
		this.listener.onOpen(this);
		opened.complete(this);
		return inbound.receiveFrames().doOnNext(this::received).then().onErrorResume((failure) -> {
			transportFailed(failure);
			return Mono.empty();
		});
	}

	/**
	 * Gives up an attempt whose handshake has not completed (its deadline passed): should the
	 * handshake complete later, the connection is closed at once and never used.
	 * @return whether the attempt was given up (false once the connection is open)
	 */
	boolean giveUp() {
		return this.phase.compareAndSet(CONNECTING, ABANDONED);
	}

	/**
	 * Gives up an attempt that failed or was cancelled: before it opened as {@link #giveUp()};
	 * once open (cancelled too late), the connection is closed.
	 */
	void abandon() {
		if (!giveUp() && this.phase.get() == OPEN) {
			close(NORMAL, "connection abandoned");
		}
	}

	/**
	 * The stack reported a failure of the open connection; its close follows.
	 * @param failure the failure
	 */
	void transportFailed(Throwable failure) {
		this.transportError = failure;
		logger.debug("{}: transport error: {}", this.name, failure.toString());
	}

	/**
	 * Runs a task once the connection's socket has closed (never if it never opened).
	 * @param task the task
	 */
	void whenClosed(Runnable task) {
		this.onChannelClosed = task;
	}

	private void channelClosed() {
		this.onChannelClosed.run();
		Throwable error = this.transportError;
		String reason = this.remoteCloseReason;
		if (error != null && this.remoteCloseCode == ABNORMAL) {
			reason = error.getClass().getSimpleName();
		}
		releaseOutbox();
		notifyClosed(this.remoteCloseCode, reason);
	}

	private void received(WebSocketFrame frame) {
		this.lastReceivedNanos = System.nanoTime();
		if (this.closed.get() || frame instanceof PongWebSocketFrame) {
			return;
		}
		try {
			this.assembler.frame(frame);
		}
		catch (RuntimeException ex) {
			// one bad frame must never close the connection (and with it a call, or every offer)
			logger.warn("{}: a {} could not be handled; dropped", this.name, frame.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Reads whether Nagle's algorithm is off on the connection's socket.
	 * @return whether {@code TCP_NODELAY} is set, or {@code null} before the connection is open
	 */
	@Nullable Boolean tcpNoDelay() {
		Channel current = this.channel;
		return (current != null) ? current.config().getOption(ChannelOption.TCP_NODELAY) : null;
	}

	@Override
	public String toString() {
		return "WebSocketConnection[" + this.name + "]";
	}

	/**
	 * Assembles fragmented messages up to {@link #MAX_MESSAGE} (event loop only).
	 */
	private final class Assembler {

		/** Whether the message being assembled is text; null when none is. */
		private @Nullable Boolean text;

		private @Nullable ByteBuffer parts;

		/** Bytes of the pending message so far, including dropped ones. */
		private long partsLength;

		void frame(WebSocketFrame frame) {
			boolean last = frame.isFinalFragment();
			if (frame instanceof TextWebSocketFrame textFrame) {
				if (last && this.text == null && frame.content().readableBytes() <= MAX_MESSAGE) {
					WebSocketConnection.this.listener.onText(textFrame.text());
					return;
				}
				this.text = Boolean.TRUE;
				this.parts = null;
				this.partsLength = 0;
			}
			else if (frame instanceof BinaryWebSocketFrame) {
				if (last && this.text == null && frame.content().readableBytes() <= MAX_MESSAGE) {
					WebSocketConnection.this.listener.onBinary(frame.content().nioBuffer());
					return;
				}
				this.text = Boolean.FALSE;
				this.parts = null;
				this.partsLength = 0;
			}
			else if (!(frame instanceof ContinuationWebSocketFrame) || this.text == null) {
				logger.debug("{}: ignored {}", WebSocketConnection.this.name, frame.getClass().getSimpleName());
				return;
			}
			append(frame.content());
			if (last) {
				complete();
			}
		}

		private void append(ByteBuf part) {
			int length = part.readableBytes();
			this.partsLength += length;
			if (this.partsLength > MAX_MESSAGE) {
				this.parts = null;
				return;
			}
			ByteBuffer current = this.parts;
			if (current == null || current.remaining() < length) {
				ByteBuffer grown = ByteBuffer.allocate((int) Math.min(MAX_MESSAGE, 2 * this.partsLength));
				if (current != null) {
					grown.put(current.flip());
				}
				current = grown;
			}
			current.put(part.nioBuffer());
			this.parts = current;
		}

		private void complete() {
			boolean isText = Boolean.TRUE.equals(this.text);
			ByteBuffer message = this.parts;
			long length = this.partsLength;
			this.text = null;
			this.parts = null;
			this.partsLength = 0;
			if (length > MAX_MESSAGE || (message == null && length > 0)) {
				String description = (isText ? "text" : "binary") + " message of " + length + " bytes exceeds "
						+ MAX_MESSAGE + "; dropped";
				logger.debug("{}: {}", WebSocketConnection.this.name, description);
				WebSocketConnection.this.listener.onOversized(description);
				return;
			}
			ByteBuffer payload = (message != null) ? message.flip() : ByteBuffer.allocate(0);
			if (isText) {
				WebSocketConnection.this.listener.onText(StandardCharsets.UTF_8.decode(payload).toString());
			}
			else {
				WebSocketConnection.this.listener.onBinary(payload);
			}
		}

	}

}
