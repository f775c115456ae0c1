package io.telcoflow.client.audio;

/**
 * Receives the caller's audio as it arrives, on the media connection's reader thread, instead of
 * through the {@link AudioStream} (see
 * {@link io.telcoflow.client.ActiveCall#setAudioListener(AudioListener)}).
 * <p>
 * This is the lowest-latency way to consume a call's audio: no thread hand-off between the frame's
 * arrival and your code, so an answer written with {@code sendAudio} from here can go out with the
 * very next pull. The reader thread belongs to the WebSocket client and serves other calls too:
 * return within a millisecond, never block on I/O, and hand slow work (speech recognition, an HTTP
 * request) to another thread. A listener that holds the reader thread longer than one frame
 * (20 ms) is reported once per call in the log, with how much of that time was its own CPU time
 * (the rest it was blocked, or waited for a CPU on a busy machine); the reports of all calls are
 * limited to the first, then one per 10 s.
 * <p>
 * The call's blocking methods ({@code answer()}, {@code connect(...)}, {@code whisper()},
 * {@code barge()}, {@code spy()}, {@code disconnect()}, {@code close()}, {@code awaitPlayback})
 * throw {@link IllegalStateException} here: their answer arrives on the very thread the listener
 * holds. Use their {@code *Async} variants and {@code playbackFuture()}; {@code sendAudio} and
 * {@code clearSendAudioBuffer} never block and are fine.
 * <p>
 * A listener that throws ends its own call, like a handler that throws.
 */
@FunctionalInterface
public interface AudioListener {

	/**
	 * One inbound chunk of raw PCM (s16le, mono, at the call's sample rate), in order. The array
	 * is the listener's to keep.
	 * @param pcm the audio
	 */
	void onAudio(byte[] pcm);

}
