package io.telcoflow.audio.vad;

import java.time.Duration;
import java.util.Objects;

/**
 * Speech started or ended, at a time measured from the first byte the detector was fed.
 *
 * @param type whether speech started or ended
 * @param time when: for a start, the beginning of the first frame of speech; for an end, the
 * end of the last frame of speech (the detector reports it a minimum silence later)
 * @param audio for a start, the audio from the prefix padding before the speech up to the moment
 * of detection (s16le at the detector's rate), so that a speech-to-text model hears the first
 * syllable; empty for an end
 */
public record VoiceActivityEvent(Type type, Duration time, byte[] audio) {

	/**
	 * Checks the values.
	 * @param type whether speech started or ended
	 * @param time when
	 * @param audio the audio that comes with a start
	 */
	public VoiceActivityEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(audio, "audio");
	}

	/**
	 * Whether speech started or ended.
	 */
	public enum Type {

		/** The caller started speaking. */
		SPEECH_STARTED,

		/** The caller stopped speaking. */
		SPEECH_ENDED

	}

	@Override
	public String toString() {
		return "VoiceActivityEvent[" + this.type + " at " + this.time + ", " + this.audio.length + " bytes]";
	}

}
