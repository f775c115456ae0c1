package io.telcoflow.client.internal.audio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssException;
import org.jspecify.annotations.Nullable;

/**
 * A call's outgoing audio: a queue of chunks that the server pulls from the front, one frame at a
 * time. Memory grows with what is buffered (in segments of at most {@value #MAX_SEGMENT} bytes)
 * and is released as it is pulled, cleared, or when the buffer closes; an empty buffer holds no
 * audio memory. Thread-safe. Used by the client; not meant for applications.
 */
public final class OutgoingAudioBuffer {

	/** The largest segment allocated at once. */
	static final int MAX_SEGMENT = 16 * 1024;

	/** The smallest segment allocated for a small chunk, so that small writes pack together. */
	static final int MIN_SEGMENT = 4 * 1024;

	private final int capacity;

	private final Executor completionExecutor;

	private final ArrayDeque<Segment> segments = new ArrayDeque<>(4);

	private int size;

	/** Bytes taken by {@link #take} whose frame has not yet been reported {@link #sent}. */
	private int inFlight;

	private long retained;

	/** Bytes taken by {@link #take} since the buffer was created. */
	private long taken;

	private boolean closed;

	private boolean closedUndrained;

	private @Nullable List<CompletableFuture<Void>> drainWaiters;

	/**
	 * Creates an empty buffer.
	 * @param capacity the most bytes it holds
	 * @param completionExecutor where playback futures are completed (never the socket thread)
	 */
	public OutgoingAudioBuffer(int capacity, Executor completionExecutor) {
		this.capacity = capacity;
		this.completionExecutor = completionExecutor;
	}

	/**
	 * Appends a copy of the bytes, all or nothing.
	 * @param source the bytes
	 * @param offset where they start
	 * @param length how many
	 * @throws BufferFullException when they do not fit
	 * @throws BufferClosedException when the buffer is closed
	 */
	public synchronized void append(byte[] source, int offset, int length) {
		if (this.closed) {
			throw new BufferClosedException("The call has ended; its outgoing audio buffer is closed");
		}
		if (length > this.capacity - this.size) {
			throw new BufferFullException("Outgoing audio buffer full: " + this.size + " of " + this.capacity
					+ " bytes buffered, " + length + " more do not fit");
		}
		int written = 0;
		Segment tail = this.segments.peekLast();
		if (tail != null) {
			written = tail.write(source, offset, length);
		}
		while (written < length) {
			int remaining = length - written;
			// an empty buffer gets a segment of exactly the chunk (an echo writes a frame, it is pulled
			// whole); behind buffered audio small chunks pack into segments of at least MIN_SEGMENT
			int segmentSize = Math.min(MAX_SEGMENT, (this.size == 0) ? remaining : Math.max(MIN_SEGMENT, remaining));
			Segment segment = new Segment(new byte[segmentSize]);
			this.retained += segmentSize;
			this.segments.addLast(segment);
			written += segment.write(source, offset + written, remaining);
		}
		this.size += length;
	}

	/**
	 * Takes up to {@code max} bytes from the front (the server's pull) and counts them as played at
	 * once: {@link #take} and {@link #sent} in one.
	 * @param target where to copy them, at least {@code max} long
	 * @param max the most bytes to take
	 * @return how many bytes were taken, 0 when the buffer is empty
	 */
	public int pull(byte[] target, int max) {
		int taken = take(target, max);
		if (taken > 0) {
			sent(taken);
		}
		return taken;
	}

	/**
	 * Takes up to {@code max} bytes from the front for a frame about to be sent. Playback futures
	 * stay pending until the frame is reported with {@link #sent}, so that whatever the
	 * application does once playback completed reaches the connection after the frame.
	 * @param target where to copy them, at least {@code max} long
	 * @param max the most bytes to take
	 * @return how many bytes were taken, 0 when the buffer is empty
	 */
	public synchronized int take(byte[] target, int max) {
		int taken = 0;
		while (taken < max && !this.segments.isEmpty()) {
			Segment head = this.segments.peekFirst();
			taken += head.read(target, taken, max - taken);
			if (head.isConsumed()) {
				this.segments.pollFirst();
				this.retained -= head.data.length;
			}
		}
		this.size -= taken;
		this.inFlight += taken;
		this.taken += taken;
		return taken;
	}

	/**
	 * Reports that bytes from {@link #take} were handed to the connection (or dropped with it):
	 * completes the playback futures when nothing is left.
	 * @param bytes how many bytes were taken for the frame
	 */
	public void sent(int bytes) {
		List<CompletableFuture<Void>> drained = null;
		synchronized (this) {
			this.inFlight = Math.max(0, this.inFlight - bytes);
			if (this.size == 0 && this.inFlight == 0) {
				drained = takeDrainWaiters();
			}
		}
		complete(drained);
	}

	/**
	 * Drops everything buffered and releases its memory.
	 */
	public void clear() {
		List<CompletableFuture<Void>> drained;
		synchronized (this) {
			this.segments.clear();
			this.size = 0;
			this.retained = 0;
			drained = takeDrainWaiters();
		}
		complete(drained);
	}

	/**
	 * Returns the bytes buffered.
	 * @return the number of bytes
	 */
	public synchronized int size() {
		return this.size;
	}

	/**
	 * Returns the bytes taken from the front since the buffer was created (what the server pulled).
	 * @return the number of bytes
	 */
	public synchronized long taken() {
		return this.taken;
	}

	/**
	 * Returns the memory held for buffered audio.
	 * @return bytes allocated
	 */
	public synchronized long retainedBytes() {
		return this.retained;
	}

	/**
	 * Returns whether the buffer is closed.
	 * @return whether closed
	 */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Returns a future completed when every buffered byte has been pulled (at once when empty), or
	 * exceptionally when the buffer closes, or closed, before it drained.
	 * @param closedFailure the failure when the buffer closed with bytes in it
	 * @return the future
	 */
	public synchronized CompletableFuture<Void> drained(Supplier<WssException> closedFailure) {
		if (this.closed && this.closedUndrained) {
			return CompletableFuture.failedFuture(closedFailure.get());
		}
		if (this.size == 0 && this.inFlight == 0) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> future = new CompletableFuture<>();
		if (this.drainWaiters == null) {
			this.drainWaiters = new ArrayList<>(2);
		}
		this.drainWaiters.add(future);
		return future;
	}

	/**
	 * Closes the buffer (the call ended): further appends fail, what was buffered is dropped and its
	 * memory released, and waiting playback futures fail with the given exception.
	 * @param failure supplies the exception for waiters, called only when there are any
	 */
	public void close(Supplier<WssException> failure) {
		List<CompletableFuture<Void>> waiters;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.closedUndrained = this.size > 0;
			this.size = 0;
			this.inFlight = 0;
			this.segments.clear();
			this.retained = 0;
			waiters = takeDrainWaiters();
		}
		if (waiters != null && !waiters.isEmpty()) {
			WssException exception = failure.get();
			this.completionExecutor.execute(() -> waiters.forEach((waiter) -> waiter.completeExceptionally(exception)));
		}
	}

	private @Nullable List<CompletableFuture<Void>> takeDrainWaiters() {
		List<CompletableFuture<Void>> waiters = this.drainWaiters;
		this.drainWaiters = null;
		return waiters;
	}

	private void complete(@Nullable List<CompletableFuture<Void>> waiters) {
		if (waiters != null && !waiters.isEmpty()) {
			this.completionExecutor.execute(() -> waiters.forEach((waiter) -> waiter.complete(null)));
		}
	}

	private static final class Segment {

		final byte[] data;

		int start;

		int end;

		Segment(byte[] data) {
			this.data = data;
		}

		int write(byte[] source, int offset, int length) {
			int count = Math.min(length, this.data.length - this.end);
			System.arraycopy(source, offset, this.data, this.end, count);
			this.end += count;
			return count;
		}

		int read(byte[] target, int offset, int max) {
			int count = Math.min(max, this.end - this.start);
			System.arraycopy(this.data, this.start, target, offset, count);
			this.start += count;
			return count;
		}

		boolean isConsumed() {
			return this.start == this.end;
		}

	}

}
