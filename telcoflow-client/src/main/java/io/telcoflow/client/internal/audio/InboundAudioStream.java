package io.telcoflow.client.internal.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.client.exception.WssMediaException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AudioStream} of a call: a bounded queue filled by the media connection's reader.
 * Overflow policy: when the queue is full the oldest chunk is dropped, counted and reported, so
 * that the reader thread never waits for the application. Used by the client; not meant for
 * applications to create.
 */
public final class InboundAudioStream implements AudioStream {

	private static final Duration FRAME = Duration.ofMillis(20);

	private final int capacity;

	/** The most chunks that may wait: the capacity, or fewer with {@link #limitDelay(Duration)}. */
	private volatile int limit;

	private final IntConsumer dropListener;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition available = this.lock.newCondition();

	private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();

	private boolean ended;

	private @Nullable WssMediaException failure;

	private long dropped;

	/**
	 * Creates a stream.
	 * @param capacity the most chunks that wait for the reader
	 * @param dropListener told the size of each dropped chunk (on the offering thread)
	 */
	public InboundAudioStream(int capacity, IntConsumer dropListener) {
		this.capacity = capacity;
		this.limit = capacity;
		this.dropListener = dropListener;
	}

	/**
	 * Queues a chunk; never blocks. Ignored once the stream has ended.
	 * @param chunk the audio
	 */
	public void offer(byte[] chunk) {
		byte[] droppedChunk = null;
		List<byte[]> moreDropped = null;
		this.lock.lock();
		try {
			if (this.ended) {
				return;
			}
			while (this.chunks.size() >= this.limit) {
				if (droppedChunk != null) {
					moreDropped = (moreDropped != null) ? moreDropped : new ArrayList<>();
					moreDropped.add(droppedChunk);
				}
				droppedChunk = this.chunks.pollFirst();
				this.dropped++;
			}
			this.chunks.addLast(chunk);
			this.available.signal();
		}
		finally {
			this.lock.unlock();
		}
		// one report per dropped chunk (a frame), outside the lock
		if (moreDropped != null) {
			moreDropped.forEach((dropped) -> this.dropListener.accept(dropped.length));
		}
		if (droppedChunk != null) {
			this.dropListener.accept(droppedChunk.length);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The bound is counted in chunks, one per 20 ms frame (protocol section 4.3).
	 */
	@Override
	public AudioStream limitDelay(Duration maxDelay) {
		if (maxDelay.compareTo(FRAME) < 0) {
			throw new IllegalArgumentException("The delay bound is at least one frame (20 ms), was " + maxDelay);
		}
		int newLimit = (int) Math.min(this.capacity, maxDelay.toMillis() / FRAME.toMillis());
		List<byte[]> stale = new ArrayList<>();
		this.lock.lock();
		try {
			this.limit = newLimit;
			// what already waits beyond the bound is stale too (audio queued while the handler
			// answered): dropped now, or the loop would send it and stay that late
			while (this.chunks.size() > newLimit) {
				stale.add(this.chunks.pollFirst());
				this.dropped++;
			}
		}
		finally {
			this.lock.unlock();
		}
		stale.forEach((chunk) -> this.dropListener.accept(chunk.length));
		return this;
	}

	/**
	 * Ends the stream: readers get what is queued, then the end.
	 */
	public void end() {
		end(null);
	}

	/**
	 * Ends the stream because media was lost for good: readers get what is queued, then the
	 * exception.
	 * @param failure the exception, or {@code null} for a normal end
	 */
	public void end(@Nullable WssMediaException failure) {
		this.lock.lock();
		try {
			if (this.ended) {
				return;
			}
			this.ended = true;
			this.failure = failure;
			this.available.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public byte @Nullable [] poll(Duration timeout) {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (this.chunks.isEmpty()) {
				if (this.ended) {
					throwIfFailed();
					return null;
				}
				if (remaining <= 0) {
					return null;
				}
				remaining = this.available.awaitNanos(remaining);
			}
			return this.chunks.pollFirst();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void throwIfFailed() {
		if (this.failure != null) {
			throw this.failure;
		}
	}

	@Override
	public boolean isEnded() {
		this.lock.lock();
		try {
			return this.ended && this.chunks.isEmpty();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public long droppedChunks() {
		this.lock.lock();
		try {
			return this.dropped;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns how many chunks wait for the reader.
	 * @return the number of chunks
	 */
	public int queuedChunks() {
		this.lock.lock();
		try {
			return this.chunks.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Iterator<byte[]> iterator() {
		return new ChunkIterator();
	}

	private boolean awaitNext() {
		this.lock.lock();
		try {
			while (this.chunks.isEmpty()) {
				if (this.ended) {
					throwIfFailed();
					return false;
				}
				this.available.await();
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public String toString() {
		return "InboundAudioStream[queued=" + queuedChunks() + ", dropped=" + droppedChunks() + "]";
	}

	/**
	 * Blocks in {@code hasNext()}; an interrupt ends the iteration with the interrupt flag kept.
	 */
	private final class ChunkIterator implements Iterator<byte[]> {

		@Override
		public boolean hasNext() {
			return awaitNext();
		}

		@Override
		public byte[] next() {
			if (!awaitNext()) {
				throw new NoSuchElementException("The call's audio has ended");
			}
			byte[] chunk = poll(Duration.ZERO);
			if (chunk == null) {
				throw new NoSuchElementException("The call's audio has ended");
			}
			return chunk;
		}

	}

}
