package io.telcoflow.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.client.audio.AudioListener;
import io.telcoflow.client.audio.AudioSender;
import io.telcoflow.client.audio.AudioStream;
import io.telcoflow.client.exception.BufferClosedException;
import io.telcoflow.client.exception.BufferFullException;
import io.telcoflow.client.exception.WssCallClosedException;
import io.telcoflow.client.exception.WssCallCommandException;
import io.telcoflow.client.exception.WssCallCommandTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One call offered to this client, with its own media connection (Python: {@code ActiveCall}).
 * <p>
 * Commands block until the server's result or the command timeout; each has an asynchronous
 * variant whose future completes on an SDK thread (never a socket thread). A command fails with
 * {@link WssCallCommandException} when the server rejects it, with
 * {@link WssCallCommandTimeoutException} when no result comes in time, and at once with
 * {@link WssCallClosedException} once the call is {@link CallState#DISCONNECTED}. Asynchronous
 * variants complete exceptionally with the same exceptions.
 * <p>
 * Outgoing audio goes into a buffer that the server pulls one frame at a time, so what left the
 * buffer is what was played. Thread-safe.
 */
public interface ActiveCall {

	/** Default ring time of {@link #connect()}. */
	Duration DEFAULT_RING_TIME = Duration.ofSeconds(60);

	/**
	 * Returns the call's id.
	 * @return the id (UUIDv7-like)
	 */
	String getCallId();

	/**
	 * Returns the caller's number.
	 * @return the E.164 number, or {@code null} when withheld
	 */
	@Nullable String getCallerNumber();

	/**
	 * Returns the number the caller dialled.
	 * @return the E.164 number, or {@code null} when unknown
	 */
	@Nullable String getCalleeNumber();

	/**
	 * Returns when the server offered the call.
	 * @return the offer time
	 */
	Instant getOfferedAt();

	/**
	 * Returns the sample rate of the call's audio in both directions.
	 * @return samples per second
	 */
	int getSampleRate();

	/**
	 * Returns the call's current state.
	 * @return the state
	 */
	CallState getState();

	/**
	 * Answers the call: the application now owns the audio both ways.
	 */
	void answer();

	/**
	 * Answers the call asynchronously.
	 * @return a future completed when the server confirmed
	 */
	CompletableFuture<Void> answerAsync();

	/**
	 * Rings the connector's callee for {@link #DEFAULT_RING_TIME} and joins caller, callee and
	 * agent in a conference. Allowed before or after {@link #answer()}.
	 * @throws WssCallCommandException with {@code CALL_UNANSWERED} when nobody answered in time;
	 * the call then stays as it was
	 */
	void connect();

	/**
	 * Like {@link #connect()} with a ring time.
	 * @param ringTime how long to ring, 1 s to 600 s, whole seconds
	 * @throws IllegalArgumentException when the ring time is out of range
	 */
	void connect(Duration ringTime);

	/**
	 * Asynchronous {@link #connect(Duration)}.
	 * @param ringTime how long to ring, 1 s to 600 s, whole seconds
	 * @return a future completed when the callee answered
	 */
	CompletableFuture<Void> connectAsync(Duration ringTime);

	/** After {@code connect}: the agent is heard by the callee only. */
	void whisper();

	/**
	 * Asynchronous {@link #whisper()}.
	 * @return a future completed when the server confirmed
	 */
	CompletableFuture<Void> whisperAsync();

	/** After {@code connect}: the agent is heard by caller and callee (the default). */
	void barge();

	/**
	 * Asynchronous {@link #barge()}.
	 * @return a future completed when the server confirmed
	 */
	CompletableFuture<Void> bargeAsync();

	/** After {@code connect}: the agent is heard by nobody (listen only). */
	void spy();

	/**
	 * Asynchronous {@link #spy()}.
	 * @return a future completed when the server confirmed
	 */
	CompletableFuture<Void> spyAsync();

	/** Ends the call for every party. In {@code PENDING} it declines the call. */
	void disconnect();

	/**
	 * Asynchronous {@link #disconnect()}.
	 * @return a future completed when the server confirmed
	 */
	CompletableFuture<Void> disconnectAsync();

	/**
	 * Releases the call. After {@code connect} the agent leaves and caller and callee stay
	 * connected; after {@code answer} without {@code connect} the caller is disconnected too.
	 */
	void close();

	/**
	 * Asynchronous {@link #close()}.
	 * @return a future completed when the server confirmed
	 */
	CompletableFuture<Void> closeAsync();

	/**
	 * Returns the caller's audio.
	 * @return the inbound audio stream (the same object on every call)
	 */
	AudioStream audioStream();

	/**
	 * Returns the format of the call's audio in both directions: 16-bit PCM at
	 * {@link #getSampleRate()}.
	 * @return the format
	 */
	default AudioFormat getAudioFormat() {
		return AudioFormat.pcm(getSampleRate());
	}

	/**
	 * Returns the caller's audio converted to another format as it is read, for example 16 kHz for
	 * a speech-to-text model or 8 kHz μ-law for another telephony system. The resampler's state is
	 * kept per call and format (no clicks between chunks) and released when the call ends; when
	 * the call's audio ends, what the resampler held back (a few milliseconds) comes as a last
	 * chunk. Reads from the same queue as {@link #audioStream()}: use one of them.
	 * @param format the format to read in; its sample rate one of
	 * {@link io.telcoflow.audio.resample.Resampler#SUPPORTED_RATES} unless it is the call's
	 * @return the converted stream (the same object for the same format)
	 * @throws IllegalArgumentException when the sample rate cannot be converted
	 */
	default AudioStream audioStream(AudioFormat format) {
		return CallAudioConversions.of(this).stream(format);
	}

	/**
	 * Like {@link #setAudioListener(AudioListener)}, with the audio converted to another format
	 * before it reaches the listener (on the reader thread; converting a 20 ms chunk takes
	 * microseconds). Shares the resampler's state with {@link #audioStream(AudioFormat)} of the
	 * same format. The last few milliseconds that the resampler holds when the call ends are not
	 * delivered (the listener is not told of the end; {@code audioStream(format)} delivers them).
	 * @param format the format the listener takes
	 * @param listener the listener, or {@code null} to go back to the stream
	 * @throws IllegalArgumentException when the sample rate cannot be converted
	 */
	default void setAudioListener(AudioFormat format, @Nullable AudioListener listener) {
		CallAudioConversions.of(this).setListener(format, listener);
	}

	/**
	 * Returns a sender that converts audio from another format to the call's and appends it to the
	 * outgoing buffer, for example text-to-speech chunks at 16 kHz or a prompt held as 8 kHz μ-law.
	 * Its resampler's state is kept per call and format and released when the call ends.
	 * @param format the format of the audio to send
	 * @return the sender (the same object for the same format)
	 * @throws IllegalArgumentException when the sample rate cannot be converted
	 */
	default AudioSender audioSender(AudioFormat format) {
		return CallAudioConversions.of(this).sender(format);
	}

	/**
	 * Receives the caller's audio on the media connection's reader thread as it arrives, instead of
	 * through {@link #audioStream()}: the lowest-latency path (no thread hand-off), for code that
	 * returns at once, such as forwarding each chunk to a model over a non-blocking connection.
	 * Chunks that arrive after this call go to the listener only; chunks already queued stay in
	 * the stream. {@code null} puts new chunks back in the stream (a chunk being delivered at that
	 * moment still reaches the old listener). A listener that throws ends the
	 * call like a handler that throws. See {@link AudioListener} for its rules.
	 * @param listener the listener, or {@code null} to go back to the stream
	 */
	void setAudioListener(@Nullable AudioListener listener);

	/**
	 * Appends PCM audio to the outgoing buffer; the server pulls it one frame at a time. The bytes
	 * are copied.
	 * @param pcm s16le mono PCM at the call's sample rate; even length; empty is a no-op
	 * @throws IllegalArgumentException when the length is odd
	 * @throws BufferFullException when the chunk does not fit (nothing of it is buffered)
	 * @throws BufferClosedException when the call has ended
	 */
	void sendAudio(byte[] pcm);

	/**
	 * Like {@link #sendAudio(byte[])}, for the remaining bytes of a buffer (its position advances).
	 * @param pcm s16le mono PCM at the call's sample rate; even length
	 */
	void sendAudio(ByteBuffer pcm);

	/**
	 * Drops everything still buffered; the caller hears silence within one frame (barge-in).
	 */
	void clearSendAudioBuffer();

	/**
	 * Returns the number of bytes buffered and not yet pulled by the server.
	 * @return buffered bytes
	 */
	int getSendAudioBufferSize();

	/**
	 * Returns how many bytes of outgoing audio the server has pulled since the call began, that is
	 * what the caller has heard (the last frame may still be playing). Cleared audio never counts.
	 * Read right after {@link #clearSendAudioBuffer()}, it tells how much of a reply the caller
	 * heard before a barge-in: nothing more of that reply is pulled once it is cleared.
	 * @return bytes pulled, at the call's sample rate
	 */
	long getPlayedAudioBytes();

	/**
	 * Waits until the server has pulled every buffered byte, that is until the audio has been
	 * played, for example before hanging up after a goodbye.
	 * @param timeout how long to wait at most
	 * @return {@code true} when the buffer drained, {@code false} on timeout or interrupt (the
	 * interrupt flag is kept)
	 * @throws WssCallClosedException when the call ended before the buffer drained
	 */
	boolean awaitPlayback(Duration timeout);

	/**
	 * Returns a future completed when the buffer has drained (completed at once if it is empty),
	 * or exceptionally with {@link WssCallClosedException} when the call ends first.
	 * @return the future
	 */
	CompletableFuture<Void> playbackFuture();

	/**
	 * Returns a future completed with the reason once the call has ended.
	 * @return the future
	 */
	CompletableFuture<TerminationReason> terminationFuture();

	/**
	 * Adds a listener for this call's events.
	 * @param listener the listener
	 */
	void addListener(CallListener listener);

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	void removeListener(CallListener listener);

	/**
	 * Serialises what another process needs to take over this call's media (Python:
	 * {@code to_json}); see {@link TelcoflowClient#attachCall(String)}. Contains the call's media
	 * token, so treat it like a credential for the call's lifetime.
	 * @return a JSON object
	 */
	String toJson();

}
