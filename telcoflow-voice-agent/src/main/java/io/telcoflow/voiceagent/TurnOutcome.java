package io.telcoflow.voiceagent;

/**
 * How a turn (the caller's utterance and the agent's reply to it) ended.
 */
public enum TurnOutcome {

	/** The reply was played to the end. */
	COMPLETED,

	/** The caller spoke over the reply (barge-in): only the part heard is kept. */
	INTERRUPTED,

	/** A model failed or timed out: the caller heard the fallback line. */
	FAILED,

	/**
	 * No reply was played: the caller went on speaking before it started (the utterances are
	 * answered together), nothing was transcribed, or the call or conversation ended.
	 */
	CANCELLED

}
