package io.telcoflow.simulator.websocket;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

import static io.telcoflow.simulator.websocket.WebSocketConnection.MAX_TEXT_BYTES;
import static io.telcoflow.simulator.websocket.WebSocketConnection.OP_BINARY;
import static io.telcoflow.simulator.websocket.WebSocketConnection.OP_CONTINUATION;
import static io.telcoflow.simulator.websocket.WebSocketConnection.OP_TEXT;

/**
 * The reading half of a connection: decodes the client's frames, unmasks them, reassembles
 * fragmented messages within the size limits and hands complete messages to the handler. Control
 * frames go back to the connection, which owns the close handshake. Only the connection's reader
 * thread uses it, so the message being assembled needs no lock.
 */
final class FrameReader {

	private static final int MAX_BINARY_BYTES = 1024 * 1024;

	private final InputStream in;

	private final WebSocketConnection connection;

	private final WebSocketHandler handler;

	// one key buffer for the connection: a frame that comes without a key (a protocol error) is still
	// read, with the key of the frame before it
	private final byte[] mask = new byte[4];

	private byte[] message = new byte[4096];

	private int messageLength;

	private int messageOpcode = -1;

	private boolean oversized;

	private volatile long lastReceivedNanos = System.nanoTime();

	FrameReader(InputStream in, WebSocketConnection connection, WebSocketHandler handler) {
		this.in = (in instanceof BufferedInputStream) ? in : new BufferedInputStream(in, 8192);
		this.connection = connection;
		this.handler = handler;
	}

	long lastReceivedNanos() {
		return this.lastReceivedNanos;
	}

	/**
	 * Reads frames until the close handshake ends the connection.
	 * @throws IOException when the stream fails or ends
	 */
	void readLoop() throws IOException {
		while (true) {
			while (this.connection.isReadingStopped() && this.connection.isOpen()) {
				LockSupport.parkNanos(10_000_000);
			}
			int b0 = readByte();
			int b1 = readByte();
			this.lastReceivedNanos = System.nanoTime();
			boolean fin = (b0 & 0x80) != 0;
			int opcode = b0 & 0x0F;
			long length = readLength(b1 & 0x7F);
			if ((b1 & 0x80) != 0) {
				readFully(this.mask, 0, 4);
			}
			else {
				this.handler.onProtocolError(this.connection, "unmasked client frame");
				this.connection.close(1002, "unmasked client frame");
			}
			if (opcode >= 8) {
				if (controlFrame(opcode, length)) {
					return;
				}
			}
			else {
				dataFrame(fin, opcode, length);
			}
		}
	}

	private long readLength(int shortLength) throws IOException {
		long length = shortLength;
		if (length == 126) {
			length = (readByte() << 8) | readByte();
		}
		else if (length == 127) {
			length = 0;
			for (int i = 0; i < 8; i++) {
				length = (length << 8) | readByte();
			}
		}
		return length;
	}

	/** Returns whether the connection is done reading. */
	private boolean controlFrame(int opcode, long length) throws IOException {
		if (length > 125) {
			this.connection.close(1002, "control frame too long");
			return true;
		}
		byte[] payload = new byte[(int) length];
		readFully(payload, 0, payload.length);
		unmask(payload, 0, payload.length);
		return this.connection.handleControlFrame(opcode, payload);
	}

	private void dataFrame(boolean fin, int opcode, long length) throws IOException {
		if (opcode == OP_TEXT || opcode == OP_BINARY) {
			if (this.messageOpcode != -1) {
				this.handler.onProtocolError(this.connection, "new message before the previous one ended");
			}
			this.messageOpcode = opcode;
			this.messageLength = 0;
			this.oversized = false;
		}
		else if (opcode != OP_CONTINUATION || this.messageOpcode == -1) {
			this.handler.onProtocolError(this.connection, "unexpected opcode " + opcode);
			skip(length);
			return;
		}
		int limit = (this.messageOpcode == OP_TEXT) ? MAX_TEXT_BYTES : MAX_BINARY_BYTES;
		if (this.oversized || this.messageLength + length > limit) {
			this.oversized = true;
			skip(length);
		}
		else {
			int needed = this.messageLength + (int) length;
			if (this.message.length < needed) {
				this.message = java.util.Arrays.copyOf(this.message, Math.max(needed, this.message.length * 2));
			}
			readFully(this.message, this.messageLength, (int) length);
			unmask(this.message, this.messageLength, (int) length);
			this.messageLength = needed;
		}
		if (fin) {
			deliverMessage(limit);
		}
	}

	private void deliverMessage(int limit) {
		if (this.oversized) {
			this.handler.onProtocolError(this.connection, ((this.messageOpcode == OP_TEXT) ? "text" : "binary")
					+ " message larger than " + limit + " bytes dropped");
		}
		else if (this.messageOpcode == OP_TEXT) {
			this.handler.onText(this.connection,
					new String(this.message, 0, this.messageLength, StandardCharsets.UTF_8));
		}
		else {
			this.handler.onBinary(this.connection, this.message, this.messageLength);
		}
		this.messageOpcode = -1;
		this.messageLength = 0;
	}

	/** Every frame's payload restarts at the key's first byte (RFC 6455, 5.3). */
	private void unmask(byte[] data, int offset, int length) {
		for (int i = 0; i < length; i++) {
			data[offset + i] ^= this.mask[i & 3];
		}
	}

	private int readByte() throws IOException {
		int b = this.in.read();
		if (b < 0) {
			throw new EOFException("end of stream");
		}
		return b;
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
