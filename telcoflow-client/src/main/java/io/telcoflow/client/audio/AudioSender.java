package io.telcoflow.client.audio;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;

/**
 * Sends audio held in another format to a call (see
 * {@link io.telcoflow.client.ActiveCall#audioSender(AudioFormat)}): converts each chunk to the
 * call's format, carrying the resampler's state from chunk to chunk, and appends it to the
 * call's outgoing buffer. Chunks may have any size, for example what a text-to-speech stream
 * delivers.
 * <p>
 * The resampler holds back a few milliseconds of audio until the next chunk arrives: call
 * {@link #flush()} at the end of each piece of audio (a prompt, an answer) so that its last
 * milliseconds are played too. Thread-safe.
 */
public interface AudioSender {

	/**
	 * Returns the format of the audio this sender is given.
	 * @return the format
	 */
	AudioFormat format();

	/**
	 * Converts a chunk and appends it to the call's outgoing buffer. All or nothing: when it
	 * throws, nothing of the chunk is buffered and the sender's state is unchanged, so the same
	 * chunk can be sent again.
	 * @param audio audio in {@link #format()}, any number of bytes (a partial sample waits for the
	 * next chunk); empty is a no-op
	 * @throws BufferFullException when the converted chunk does not fit the buffer
	 * @throws BufferClosedException when the call has ended
	 */
	void send(byte[] audio);

	/**
	 * Ends a piece of audio: appends what the resampler held back, so that the next
	 * {@link #send(byte[])} starts a new piece. All or nothing, like {@code send}.
	 * @throws BufferFullException when the rest does not fit the buffer
	 * @throws BufferClosedException when the call has ended
	 */
	void flush();

	/**
	 * Barge-in: drops what the resampler held back and everything in the call's outgoing buffer
	 * (including audio sent in other formats); the caller hears silence within one frame.
	 */
	void clear();

}
