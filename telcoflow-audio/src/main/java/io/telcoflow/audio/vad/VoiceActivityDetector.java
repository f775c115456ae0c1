package io.telcoflow.audio.vad;

import java.util.List;

/**
 * Tells when a speaker starts and stops speaking, from their audio fed in chunks of any size.
 * Implementations are not thread-safe: one detector per stream, fed from one thread (a call's
 * audio loop or its audio listener).
 */
public interface VoiceActivityDetector {

	/**
	 * Feeds the next chunk of audio.
	 * @param pcm s16le mono PCM at the detector's sample rate, any length (a trailing odd byte
	 * waits for the next chunk)
	 * @return the speech starts and ends this chunk completed, in order; empty when none
	 */
	List<VoiceActivityEvent> process(byte[] pcm);

	/**
	 * Returns whether the speaker is speaking, after the audio fed so far.
	 * @return whether a start has been reported and its end not yet
	 */
	boolean isSpeaking();

	/**
	 * Forgets everything heard (for example audio queued while the application was busy); the
	 * clock restarts at zero.
	 */
	void reset();

}
