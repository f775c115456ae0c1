package io.telcoflow.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.client.audio.AudioStream;
import org.jspecify.annotations.Nullable;

/**
 * A call's {@link AudioStream} converted to another format as it is read (on the reader's
 * thread). When the call's audio ends, what the resampler held back comes as a last chunk.
 * Chunks that convert to nothing (a few bytes) are skipped.
 */
final class ConvertedAudioStream implements AudioStream {

	private final AudioStream source;

	private final AudioConverter converter;

	private boolean flushed;

	ConvertedAudioStream(AudioStream source, AudioConverter converter) {
		this.source = source;
		this.converter = converter;
	}

	@Override
	public byte @Nullable [] poll(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			byte[] chunk = this.source.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			byte[] converted = (chunk != null) ? convert(chunk) : flushAtEnd();
			if (converted == null || converted.length > 0) {
				return converted;
			}
			if (chunk == null || deadline - System.nanoTime() <= 0) {
				return null;
			}
		}
	}

	private byte[] convert(byte[] chunk) {
		synchronized (this.converter) {
			return this.converter.convert(chunk);
		}
	}

	private byte @Nullable [] flushAtEnd() {
		synchronized (this.converter) {
			if (this.flushed || !this.source.isEnded()) {
				return null;
			}
			this.flushed = true;
			byte[] tail = this.converter.flush();
			return (tail.length > 0) ? tail : null;
		}
	}

	@Override
	public boolean isEnded() {
		synchronized (this.converter) {
			return this.source.isEnded() && this.flushed;
		}
	}

	@Override
	public long droppedChunks() {
		return this.source.droppedChunks();
	}

	@Override
	public Iterator<byte[]> iterator() {
		Iterator<byte[]> chunks = this.source.iterator();
		return new Iterator<>() {

			private byte @Nullable [] next;

			@Override
			public boolean hasNext() {
				while (this.next == null) {
					if (chunks.hasNext()) {
						byte[] converted = convert(chunks.next());
						this.next = (converted.length > 0) ? converted : null;
					}
					else {
						this.next = flushAtEnd();
						return this.next != null;
					}
				}
				return true;
			}

			@Override
			public byte[] next() {
				if (!hasNext()) {
					throw new NoSuchElementException("The call's audio has ended");
				}
				byte[] chunk = this.next;
				this.next = null;
				return chunk;
			}

		};
	}

	@Override
	public String toString() {
		return "ConvertedAudioStream[" + this.converter + "]";
	}

}
