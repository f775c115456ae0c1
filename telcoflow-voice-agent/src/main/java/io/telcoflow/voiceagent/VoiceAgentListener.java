package io.telcoflow.voiceagent;

/**
 * Receives what happens in a voice agent's conversations: transcripts, barge-ins, turns with their
 * latency, model failures. Called on the conversation's threads: return quickly and do not throw
 * (an exception is logged and ignored). Spring applications get the same as application events.
 */
@FunctionalInterface
public interface VoiceAgentListener {

	/**
	 * Receives one event.
	 * @param event what happened, one of the records in {@link VoiceAgentEvent}
	 */
	void onEvent(VoiceAgentEvent event);

}
