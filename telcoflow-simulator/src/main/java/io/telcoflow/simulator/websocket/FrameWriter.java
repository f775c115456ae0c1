package io.telcoflow.simulator.websocket;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.telcoflow.simulator.websocket.WebSocketConnection.OP_BINARY;
import static io.telcoflow.simulator.websocket.WebSocketConnection.OP_TEXT;

/**
 * The writing half of a connection: encodes unmasked server frames and writes them one writer at a
 * time, whichever thread sends (the audio clock, a timer, the reader answering a ping). It also
 * times each write, because a peer that stopped reading leaves the writer blocked and only the
 * watchdog can free it.
 */
final class FrameWriter {

	private static final Logger logger = LoggerFactory.getLogger(FrameWriter.class);

	private final OutputStream out;

	private final Runnable onWriteFailure;

	private final ReentrantLock writeLock = new ReentrantLock();

	private volatile long writeStartedNanos;

	private byte[] writeBuffer = new byte[2048];

	/**
	 * @param out the socket's output
	 * @param onWriteFailure what to do when a write fails: the connection is unusable then
	 */
	FrameWriter(OutputStream out, Runnable onWriteFailure) {
		this.out = out;
		this.onWriteFailure = onWriteFailure;
	}

	boolean isWriteStuck(long limitNanos) {
		long started = this.writeStartedNanos;
		return started != 0 && System.nanoTime() - started > limitNanos;
	}

	boolean writeFrame(int opcode, byte[] data, int offset, int length) {
		return write((out) -> {
			byte[] header = new byte[10];
			int headerLength = writeHeader(header, opcode, length);
			out.write(header, 0, headerLength);
			out.write(data, offset, length);
		});
	}

	/** One write for both frames, so that the audio clock pays one syscall per tick and call. */
	boolean writeBinaryAndFrame(byte[] data, int length, byte[] encodedFrame) {
		return write((out) -> {
			// the write buffer is shared: only touched with the write lock held, as here
			int needed = 10 + length + encodedFrame.length;
			if (this.writeBuffer.length < needed) {
				this.writeBuffer = new byte[needed];
			}
			int pos = writeHeader(this.writeBuffer, OP_BINARY, length);
			System.arraycopy(data, 0, this.writeBuffer, pos, length);
			pos += length;
			System.arraycopy(encodedFrame, 0, this.writeBuffer, pos, encodedFrame.length);
			pos += encodedFrame.length;
			out.write(this.writeBuffer, 0, pos);
		});
	}

	boolean writeEncoded(byte[] encodedFrame) {
		return write((out) -> out.write(encodedFrame));
	}

	/**
	 * Runs a write with the write lock held, timed for the watchdog, then flushes; a failed write
	 * makes the connection unusable.
	 */
	private boolean write(Write write) {
		this.writeLock.lock();
		try {
			this.writeStartedNanos = System.nanoTime();
			write.to(this.out);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			logger.debug("Write failed, closing connection: {}", ex.toString());
			this.onWriteFailure.run();
			return false;
		}
		finally {
			this.writeStartedNanos = 0;
			this.writeLock.unlock();
		}
	}

	static byte[] encodeTextFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] frame = new byte[10 + payload.length];
		int pos = writeHeader(frame, OP_TEXT, payload.length);
		System.arraycopy(payload, 0, frame, pos, payload.length);
		return java.util.Arrays.copyOf(frame, pos + payload.length);
	}

	/** Writes a final, unmasked frame header (servers never mask) and returns its length. */
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

	/** What one write puts on the socket's stream. */
	@FunctionalInterface
	private interface Write {

		void to(OutputStream out) throws IOException;

	}

}
