package io.telcoflow.client.audio;

import java.time.Duration;
import java.util.Iterator;

import io.telcoflow.client.exception.WssMediaException;
import org.jspecify.annotations.Nullable;

/**
 * The caller's audio (Python: {@code call.audio_stream()}): chunks of raw PCM (s16le, mono, at the
 * call's sample rate), one per inbound frame, in order. Iteration blocks until the next chunk
 * arrives and ends when the call ends. If the media connection was lost and could not be resumed,
 * {@code hasNext()} throws {@link WssMediaException}.
 * <p>
 * Chunks wait in a bounded queue for a slow reader; when it is full the oldest chunk is dropped and
 * counted ({@link #droppedChunks()}), so that a slow reader never stalls the connection or
 * another call.
 */
public interface AudioStream extends Iterable<byte[]> {

	/**
	 * Returns an iterator over the inbound chunks; every iterator reads from the same queue.
	 * @return the iterator
	 */
	@Override
	Iterator<byte[]> iterator();

	/**
	 * Waits up to {@code timeout} for the next chunk.
	 * @param timeout how long to wait
	 * @return the chunk, or {@code null} when none arrived in time or the call has ended
	 * (see {@link #isEnded()})
	 * @throws WssMediaException if the media connection was lost for good
	 */
	byte @Nullable [] poll(Duration timeout);

	/**
	 * Returns whether the call has ended and every queued chunk has been read.
	 * @return whether the stream is over
	 */
	boolean isEnded();

	/**
	 * Returns how many chunks were dropped because the reader was too slow.
	 * @return the number of dropped chunks
	 */
	long droppedChunks();

	/**
	 * Bounds how far the reader may fall behind the caller: from now on, when more than
	 * {@code maxDelay} of audio waits to be read, the oldest chunks are dropped (counted in
	 * {@link #droppedChunks()}, and by the client as dropped inbound audio). For a loop that sends
	 * what it reads straight back or on (an echo, a bridge to another call): once it has fallen
	 * behind (a thread that waited to be scheduled, a garbage collection), it returns to the live
	 * audio instead of staying late for the rest of the call, because the server takes outgoing
	 * audio at real time and never more than a frame per pull. {@code Duration.ofMillis(20)} (one
	 * frame) keeps such a loop on time. Not for a reader that must hear every word (speech to text):
	 * leave it unbounded. Audio your application sends is never dropped.
	 * @param maxDelay the most audio that may wait, at least one frame (20 ms)
	 * @return this stream
	 */
	default AudioStream limitDelay(Duration maxDelay) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " has no delay bound");
	}

}
