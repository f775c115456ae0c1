package io.telcoflow.spring.event;

import java.io.Serial;
import java.time.Duration;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.voiceagent.VoiceAgentEvent;

/**
 * A voice agent's caller finished an utterance and it was transcribed.
 */
public class CallerSaidEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What the agent reported. */
	private final transient VoiceAgentEvent.CallerSaid said;

	/**
	 * Creates an event.
	 * @param client the client the call is on
	 * @param said what the agent reported
	 */
	public CallerSaidEvent(TelcoflowClient client, VoiceAgentEvent.CallerSaid said) {
		super(client);
		this.said = said;
	}

	/**
	 * Returns the call's id.
	 * @return the id
	 */
	public String getCallId() {
		return this.said.callId();
	}

	/**
	 * Returns what the caller said.
	 * @return the transcript of the utterance
	 */
	public String getText() {
		return this.said.text();
	}

	/**
	 * Returns how long the caller spoke.
	 * @return the duration of the utterance
	 */
	public Duration getSpeech() {
		return this.said.speech();
	}

	@Override
	public String toString() {
		return "CallerSaidEvent[call=" + getCallId() + ", " + getText().length() + " characters]";
	}

}
