package io.telcoflow.spring.boot.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the {@link TelcoflowEndpoint} reads the transcript of a live call (the voice agent's
 * conversations provide one).
 */
@FunctionalInterface
public interface CallTranscripts {

	/**
	 * Returns a live call's transcript so far.
	 * @param callId the call's id
	 * @return the lines, oldest first, or {@code null} when the call has none (no voice agent on it)
	 */
	@Nullable List<TranscriptLine> transcript(String callId);

	/**
	 * One utterance.
	 *
	 * @param speaker {@code caller} or {@code agent}
	 * @param text what the caller said, or what the caller heard of the agent
	 * @param unheard for the agent, what the caller did not hear (cut off by a barge-in); empty
	 * otherwise
	 * @param at when the utterance ended (ISO-8601)
	 */
	record TranscriptLine(String speaker, String text, String unheard, String at) {
	}

}
