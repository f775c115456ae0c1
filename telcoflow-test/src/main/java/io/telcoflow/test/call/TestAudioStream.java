package io.telcoflow.test.call;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.telcoflow.client.audio.AudioStream;
import org.jspecify.annotations.Nullable;

/**
 * The caller's audio of a {@link TestActiveCall}: a queue that ends when the call ends, or when
 * it runs dry if the caller hangs up after their audio.
 */
final class TestAudioStream implements AudioStream {

	private static final byte[] END = new byte[0];

	private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

	private volatile boolean ended;

	private volatile @Nullable Runnable onDrained;

	void offer(byte[] chunk) {
		if (!this.ended) {
			this.chunks.add(chunk);
		}
	}

	void end() {
		this.ended = true;
		this.chunks.add(END);
	}

	void hangUpWhenDrained(Runnable hangUp) {
		this.onDrained = hangUp;
	}

	@Override
	public byte @Nullable [] poll(Duration timeout) {
		try {
			Runnable drained = this.onDrained;
			if (drained != null && this.chunks.isEmpty()) {
				drained.run();
			}
			byte[] chunk = this.chunks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
			if (chunk == END) {
				this.chunks.add(END);
				return null;
			}
			return chunk;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public boolean isEnded() {
		return this.ended && (this.chunks.isEmpty() || this.chunks.peek() == END);
	}

	@Override
	public long droppedChunks() {
		return 0;
	}

	@Override
	public Iterator<byte[]> iterator() {
		return new Iterator<>() {

			private byte @Nullable [] next;

			@Override
			public boolean hasNext() {
				while (this.next == null) {
					if (isEnded()) {
						return false;
					}
					this.next = poll(Duration.ofMillis(100));
				}
				return true;
			}

			@Override
			public byte[] next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				byte[] chunk = this.next;
				this.next = null;
				return chunk;
			}

		};
	}

}
