package io.telcoflow.client.audio;

/**
 * Receives the caller's audio as it arrives, on the media connection's reader thread, instead of
 * through the {@link AudioStream} (see
 * {@link io.telcoflow.client.ActiveCall#setAudioListener(AudioListener)}).
 * <p>
 * This is the lowest-latency way to consume a call's audio: no thread hand-off between the frame's
 * arrival and your code, so an answer written with {@code sendAudio} from here can go out with the
 * very next pull. The reader thread belongs to the WebSocket client and serves other calls too:
 * return within a fraction of a frame (20 ms), never block on I/O, and hand slow work (speech
 * recognition, an HTTP request) to another thread. A listener slower than one frame is reported
 * once per call in the log.
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
