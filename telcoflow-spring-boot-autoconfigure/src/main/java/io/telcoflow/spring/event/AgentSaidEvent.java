package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.voiceagent.VoiceAgentEvent;

/**
 * A voice agent's utterance ended: played to the end, or cut off by the caller (then
 * {@link #getHeard()} is what the caller heard and {@link #getUnheard()} the rest).
 */
public class AgentSaidEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What the agent reported. */
	private final transient VoiceAgentEvent.AgentSaid said;

	/**
	 * Creates an event.
	 * @param client the client the call is on
	 * @param said what the agent reported
	 */
	public AgentSaidEvent(TelcoflowClient client, VoiceAgentEvent.AgentSaid said) {
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
	 * Returns what the caller heard.
	 * @return the heard text
	 */
	public String getHeard() {
		return this.said.heard();
	}

	/**
	 * Returns what the agent had prepared and the caller did not hear.
	 * @return the unheard text, empty unless interrupted
	 */
	public String getUnheard() {
		return this.said.unheard();
	}

	/**
	 * Returns whether the caller spoke over the agent.
	 * @return whether it was a barge-in
	 */
	public boolean isInterrupted() {
		return this.said.interrupted();
	}

	@Override
	public String toString() {
		return "AgentSaidEvent[call=" + getCallId() + ", interrupted=" + isInterrupted() + "]";
	}

}
