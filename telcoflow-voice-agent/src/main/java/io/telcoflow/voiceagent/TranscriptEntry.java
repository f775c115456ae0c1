package io.telcoflow.voiceagent;

import java.time.Instant;
import java.util.Objects;

/**
 * One utterance of a conversation's transcript.
 *
 * @param speaker who spoke
 * @param text what the caller said, or what the caller heard of the agent's utterance
 * @param unheard for the agent, the part of its reply the caller did not hear (cut off by a
 * barge-in); empty otherwise
 * @param interrupted whether the caller spoke over this agent utterance
 * @param at when the utterance ended
 */
public record TranscriptEntry(Speaker speaker, String text, String unheard, boolean interrupted, Instant at) {

	/**
	 * Checks the values.
	 * @param speaker who spoke
	 * @param text what was said (heard)
	 * @param unheard what was not heard
	 * @param interrupted whether it was cut off
	 * @param at when it ended
	 */
	public TranscriptEntry {
		Objects.requireNonNull(speaker, "speaker");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(unheard, "unheard");
		Objects.requireNonNull(at, "at");
	}

	/**
	 * Who spoke.
	 */
	public enum Speaker {

		/** The person who called. */
		CALLER,

		/** The voice agent. */
		AGENT

	}

}
