package io.telcoflow.simulator.websocket;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted WebSocket connection: its open and close state, the close handshake and the
 * answers to control frames. A {@link FrameReader} runs on the connection's own thread; a
 * {@link FrameWriter} serialises the writes (one writer at a time, whichever thread sends).
 */
public final class WebSocketConnection {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	/** Largest text message accepted (the wire format's limit). */
	public static final int MAX_TEXT_BYTES = 64 * 1024;

	static final int OP_CONTINUATION = 0;

	static final int OP_TEXT = 1;

	static final int OP_BINARY = 2;

	static final int OP_CLOSE = 8;

	static final int OP_PING = 9;

	static final int OP_PONG = 10;

	private final Socket socket;

	private final UpgradeRequest request;

	private final WebSocketHandler handler;

	private final FrameReader reader;

	private volatile boolean readingStopped;

	private final FrameWriter writer;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicBoolean closeSent = new AtomicBoolean();

	private volatile boolean answerPings = true;

	private volatile int pingsReceived;

	private volatile int closeCode = 1006;

	private final ScheduledExecutorService timer;

	WebSocketConnection(Socket socket, InputStream in, OutputStream out, UpgradeRequest request,
			WebSocketHandler handler, ScheduledExecutorService timer) {
		this.socket = socket;
		this.timer = timer;
		this.request = request;
		this.handler = handler;
		this.reader = new FrameReader(in, this, handler);
		this.writer = new FrameWriter(out, this::abort);
	}

	/**
	 * Returns the upgrade request that opened this connection.
	 * @return the request
	 */
	public UpgradeRequest request() {
		return this.request;
	}

	/**
	 * Returns whether the connection is still open (no close frame sent or received, socket open).
	 * @return whether open
	 */
	public boolean isOpen() {
		return !this.closed.get() && !this.closeSent.get();
	}

	/**
	 * Returns when the last frame arrived from the peer.
	 * @return {@link System#nanoTime()} of the last frame
	 */
	public long lastReceivedNanos() {
		return this.reader.lastReceivedNanos();
	}

	/**
	 * Returns how many pings the peer sent.
	 * @return the count
	 */
	public int pingsReceived() {
		return this.pingsReceived;
	}

	/**
	 * Returns whether a write has been blocked (the peer not reading) for longer than a limit.
	 * Closing such a connection frees the thread stuck in the write.
	 * @param limitNanos the limit
	 * @return whether the current write is older than the limit
	 */
	public boolean isWriteStuck(long limitNanos) {
		return this.writer.isWriteStuck(limitNanos);
	}

	/**
	 * Stops reading the peer's frames for good (a fault: a peer that hangs while its socket stays
	 * open); what the peer sends piles up in the socket buffers until its writes cannot go on.
	 */
	public void stopReading() {
		this.readingStopped = true;
		try {
			// what the kernel has grown the receive buffer to while reading (megabytes on loopback)
			// would hide the stall for half a minute: a hung server's socket fills as a small one does
			this.socket.setReceiveBufferSize(4096);
		}
		catch (IOException ex) {
			logger.debug("Cannot shrink the receive buffer: {}", ex.toString());
		}
	}

	boolean isReadingStopped() {
		return this.readingStopped;
	}

	/**
	 * Sets whether pings are answered with pongs (a fault when not).
	 * @param answerPings whether to answer
	 */
	public void answerPings(boolean answerPings) {
		this.answerPings = answerPings;
	}

	/**
	 * Sends a text message.
	 * @param text the message
	 * @return whether it was written
	 */
	public boolean sendText(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		return sendFrame(OP_TEXT, payload, 0, payload.length);
	}

	/**
	 * Sends a binary message.
	 * @param data the payload
	 * @return whether it was written
	 */
	public boolean sendBinary(byte[] data) {
		return sendFrame(OP_BINARY, data, 0, data.length);
	}

	/**
	 * Sends a binary frame followed by a pre-encoded text frame in one write: the audio clock's path.
	 * @param data the binary payload
	 * @param length its length
	 * @param encodedTextFrame a complete text frame from {@link #encodeTextFrame(String)}
	 * @return whether it was written
	 */
	public boolean sendBinaryAndFrame(byte[] data, int length, byte[] encodedTextFrame) {
		if (!isOpen()) {
			return false;
		}
		return this.writer.writeBinaryAndFrame(data, length, encodedTextFrame);
	}

	/**
	 * Sends a pre-encoded frame.
	 * @param encodedFrame a complete frame
	 * @return whether it was written
	 */
	public boolean sendEncoded(byte[] encodedFrame) {
		if (!isOpen()) {
			return false;
		}
		return this.writer.writeEncoded(encodedFrame);
	}

	/**
	 * Encodes a complete unmasked text frame, for messages sent very often.
	 * @param text the message
	 * @return the frame bytes
	 */
	public static byte[] encodeTextFrame(String text) {
		return FrameWriter.encodeTextFrame(text);
	}

	private boolean sendFrame(int opcode, byte[] data, int offset, int length) {
		if (!isOpen()) {
			return false;
		}
		return this.writer.writeFrame(opcode, data, offset, length);
	}

	/**
	 * Starts the close handshake: sends a close frame; the socket closes when the peer answers or
	 * after two seconds.
	 * @param code the close code
	 * @param reason the reason text
	 */
	public void close(int code, String reason) {
		if (this.closed.get() || !this.closeSent.compareAndSet(false, true)) {
			return;
		}
		this.closeCode = code;
		byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
		byte[] payload = new byte[2 + Math.min(reasonBytes.length, 120)];
		payload[0] = (byte) (code >>> 8);
		payload[1] = (byte) code;
		System.arraycopy(reasonBytes, 0, payload, 2, payload.length - 2);
		this.writer.writeFrame(OP_CLOSE, payload, 0, payload.length);
		try {
			this.timer.schedule(this::closeSocket, 2, TimeUnit.SECONDS);
		}
		catch (RejectedExecutionException ex) {
			closeSocket();
		}
	}

	/**
	 * Closes the TCP connection at once, without a close frame (a network failure, as the peer sees it).
	 */
	public void abort() {
		try {
			this.socket.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			// closing anyway
		}
		closeSocket();
	}

	private void closeSocket() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

	void run() {
		try {
			this.handler.onOpen(this);
			this.reader.readLoop();
		}
		catch (EOFException | java.net.SocketException | java.net.SocketTimeoutException ex) {
			logger.debug("Connection {} ended: {}", this.request.path(), ex.toString());
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Connection {} failed", this.request.path(), ex);
		}
		finally {
			this.closed.set(true);
			closeSocket();
			this.handler.onClosed(this, this.closeCode);
		}
	}

	/**
	 * Answers a control frame from the peer (on the reader thread).
	 * @return whether the peer closed: nothing more is read then
	 */
	boolean handleControlFrame(int opcode, byte[] payload) {
		switch (opcode) {
			case OP_PING -> {
				this.pingsReceived++;
				if (this.answerPings && isOpen()) {
					this.writer.writeFrame(OP_PONG, payload, 0, payload.length);
				}
				return false;
			}
			case OP_PONG -> {
				return false;
			}
			case OP_CLOSE -> {
				int code = (payload.length >= 2) ? (((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)) : 1005;
				if (this.closeSent.compareAndSet(false, true)) {
					this.closeCode = code;
					byte[] echo = (payload.length >= 2) ? new byte[] { payload[0], payload[1] } : new byte[0];
					this.writer.writeFrame(OP_CLOSE, echo, 0, echo.length);
				}
				return true;
			}
			default -> {
				this.handler.onProtocolError(this, "unknown control opcode " + opcode);
				return false;
			}
		}
	}

}
