package io.telcoflow.simulator.websocket;

import java.io.BufferedInputStream;
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
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted WebSocket connection: a reader loop on its own thread, and writes serialised by a
 * per-connection lock (one writer at a time, whichever thread sends).
 */
public final class WebSocketConnection {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	/** Largest text message accepted (the wire format's limit). */
	public static final int MAX_TEXT_BYTES = 64 * 1024;

	private static final int MAX_BINARY_BYTES = 1024 * 1024;

	private static final int OP_CONTINUATION = 0;

	private static final int OP_TEXT = 1;

	private static final int OP_BINARY = 2;

	private static final int OP_CLOSE = 8;

	private static final int OP_PING = 9;

	private static final int OP_PONG = 10;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final UpgradeRequest request;

	private final WebSocketHandler handler;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicBoolean closeSent = new AtomicBoolean();

	private volatile long lastReceivedNanos = System.nanoTime();

	private volatile boolean answerPings = true;

	private volatile int pingsReceived;

	private volatile int closeCode = 1006;

	private volatile long writeStartedNanos;

	private final ScheduledExecutorService timer;

	private byte[] writeBuffer = new byte[2048];

	WebSocketConnection(Socket socket, InputStream in, OutputStream out, UpgradeRequest request,
			WebSocketHandler handler, ScheduledExecutorService timer) {
		this.socket = socket;
		this.timer = timer;
		this.in = (in instanceof BufferedInputStream) ? in : new BufferedInputStream(in, 8192);
		this.out = out;
		this.request = request;
		this.handler = handler;
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
		return this.lastReceivedNanos;
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
		long started = this.writeStartedNanos;
		return started != 0 && System.nanoTime() - started > limitNanos;
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
		this.writeLock.lock();
		try {
			int needed = 10 + length + encodedTextFrame.length;
			if (this.writeBuffer.length < needed) {
				this.writeBuffer = new byte[needed];
			}
			int pos = writeHeader(this.writeBuffer, OP_BINARY, length);
			System.arraycopy(data, 0, this.writeBuffer, pos, length);
			pos += length;
			System.arraycopy(encodedTextFrame, 0, this.writeBuffer, pos, encodedTextFrame.length);
			pos += encodedTextFrame.length;
			this.writeStartedNanos = System.nanoTime();
			this.out.write(this.writeBuffer, 0, pos);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			abort();
			return false;
		}
		finally {
			this.writeStartedNanos = 0;
			this.writeLock.unlock();
		}
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
		this.writeLock.lock();
		try {
			this.writeStartedNanos = System.nanoTime();
			this.out.write(encodedFrame);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			abort();
			return false;
		}
		finally {
			this.writeStartedNanos = 0;
			this.writeLock.unlock();
		}
	}

	/**
	 * Encodes a complete unmasked text frame, for messages sent very often.
	 * @param text the message
	 * @return the frame bytes
	 */
	public static byte[] encodeTextFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] frame = new byte[10 + payload.length];
		int pos = writeHeader(frame, OP_TEXT, payload.length);
		System.arraycopy(payload, 0, frame, pos, payload.length);
		return java.util.Arrays.copyOf(frame, pos + payload.length);
	}

	private boolean sendFrame(int opcode, byte[] data, int offset, int length) {
		if (!isOpen()) {
			return false;
		}
		return writeFrame(opcode, data, offset, length);
	}

	private boolean writeFrame(int opcode, byte[] data, int offset, int length) {
		this.writeLock.lock();
		try {
			byte[] header = new byte[10];
			int headerLength = writeHeader(header, opcode, length);
			this.writeStartedNanos = System.nanoTime();
			this.out.write(header, 0, headerLength);
			this.out.write(data, offset, length);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			logger.debug("Write failed, closing connection: {}", ex.toString());
			abort();
			return false;
		}
		finally {
			this.writeStartedNanos = 0;
			this.writeLock.unlock();
		}
	}

	private static int writeHeader(byte[] buffer, int opcode, int length) {
		buffer[0] = (byte) (0x80 | opcode);
		if (length < 126) {
			buffer[1] = (byte) length;
			return 2;
		}
		if (length < 65536) {
			buffer[1] = 126;
			buffer[2] = (byte) (length >>> 8);
			buffer[3] = (byte) length;
			return 4;
		}
		buffer[1] = 127;
		long len = length;
		for (int i = 0; i < 8; i++) {
			buffer[2 + i] = (byte) (len >>> (56 - 8 * i));
		}
		return 10;
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
		writeFrame(OP_CLOSE, payload, 0, payload.length);
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
			readLoop();
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

	private void readLoop() throws IOException {
		byte[] message = new byte[4096];
		int messageLength = 0;
		int messageOpcode = -1;
		boolean oversized = false;
		byte[] mask = new byte[4];
		while (true) {
			int b0 = readByte();
			int b1 = readByte();
			this.lastReceivedNanos = System.nanoTime();
			boolean fin = (b0 & 0x80) != 0;
			int opcode = b0 & 0x0F;
			boolean masked = (b1 & 0x80) != 0;
			long length = b1 & 0x7F;
			if (length == 126) {
				length = (readByte() << 8) | readByte();
			}
			else if (length == 127) {
				length = 0;
				for (int i = 0; i < 8; i++) {
					length = (length << 8) | readByte();
				}
			}
			if (masked) {
				readFully(mask, 4);
			}
			else {
				this.handler.onProtocolError(this, "unmasked client frame");
				close(1002, "unmasked client frame");
			}
			if (opcode >= 8) {
				if (length > 125) {
					close(1002, "control frame too long");
					return;
				}
				byte[] payload = new byte[(int) length];
				readFully(payload, payload.length);
				unmask(payload, 0, payload.length, mask, 0);
				if (handleControlFrame(opcode, payload)) {
					return;
				}
				continue;
			}
			if (opcode == OP_TEXT || opcode == OP_BINARY) {
				if (messageOpcode != -1) {
					this.handler.onProtocolError(this, "new message before the previous one ended");
				}
				messageOpcode = opcode;
				messageLength = 0;
				oversized = false;
			}
			else if (opcode != OP_CONTINUATION || messageOpcode == -1) {
				this.handler.onProtocolError(this, "unexpected opcode " + opcode);
				skip(length);
				continue;
			}
			int limit = (messageOpcode == OP_TEXT) ? MAX_TEXT_BYTES : MAX_BINARY_BYTES;
			if (oversized || messageLength + length > limit) {
				oversized = true;
				skip(length);
			}
			else {
				int needed = messageLength + (int) length;
				if (message.length < needed) {
					message = java.util.Arrays.copyOf(message, Math.max(needed, message.length * 2));
				}
				readFully(message, messageLength, (int) length);
				unmask(message, messageLength, (int) length, mask, 0);
				messageLength = needed;
			}
			if (fin) {
				if (oversized) {
					this.handler.onProtocolError(this, ((messageOpcode == OP_TEXT) ? "text" : "binary")
							+ " message larger than " + limit + " bytes dropped");
				}
				else if (messageOpcode == OP_TEXT) {
					this.handler.onText(this, new String(message, 0, messageLength, StandardCharsets.UTF_8));
				}
				else {
					this.handler.onBinary(this, message, messageLength);
				}
				messageOpcode = -1;
				messageLength = 0;
			}
		}
	}

	private boolean handleControlFrame(int opcode, byte[] payload) {
		switch (opcode) {
			case OP_PING -> {
				this.pingsReceived++;
				if (this.answerPings && isOpen()) {
					writeFrame(OP_PONG, payload, 0, payload.length);
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
					writeFrame(OP_CLOSE, echo, 0, echo.length);
				}
				return true;
			}
			default -> {
				this.handler.onProtocolError(this, "unknown control opcode " + opcode);
				return false;
			}
		}
	}

	private static void unmask(byte[] data, int offset, int length, byte[] mask, int maskOffset) {
		for (int i = 0; i < length; i++) {
			data[offset + i] ^= mask[(maskOffset + i) & 3];
		}
	}

	private int readByte() throws IOException {
		int b = this.in.read();
		if (b < 0) {
			throw new EOFException("end of stream");
		}
		return b;
	}

	private void readFully(byte[] buffer, int length) throws IOException {
		readFully(buffer, 0, length);
	}

	private void readFully(byte[] buffer, int offset, int length) throws IOException {
		int done = 0;
		while (done < length) {
			int n = this.in.read(buffer, offset + done, length - done);
			if (n < 0) {
				throw new EOFException("end of stream");
			}
			done += n;
		}
	}

	private void skip(long length) throws IOException {
		long remaining = length;
		byte[] scratch = new byte[8192];
		while (remaining > 0) {
			int n = this.in.read(scratch, 0, (int) Math.min(scratch.length, remaining));
			if (n < 0) {
				throw new EOFException("end of stream");
			}
			remaining -= n;
		}
	}

}
