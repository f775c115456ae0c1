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

}
