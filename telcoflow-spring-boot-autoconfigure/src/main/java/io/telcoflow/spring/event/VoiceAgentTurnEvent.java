package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.voiceagent.VoiceAgentEvent;

/**
 * A voice agent's turn ended, with how it ended and its latency.
 */
public class VoiceAgentTurnEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What the agent reported. */
	private final transient VoiceAgentEvent.TurnCompleted turn;

	/**
	 * Creates an event.
	 * @param client the client the call is on
	 * @param turn what the agent reported
	 */
	public VoiceAgentTurnEvent(TelcoflowClient client, VoiceAgentEvent.TurnCompleted turn) {
		super(client);
		this.turn = turn;
	}

	/**
	 * Returns the call's id.
	 * @return the id
	 */
	public String getCallId() {
		return this.turn.callId();
	}

	/**
	 * Returns the turn: its number, outcome and latency by part.
	 * @return what the agent reported
	 */
	public VoiceAgentEvent.TurnCompleted getTurn() {
		return this.turn;
	}

	@Override
	public String toString() {
		return "VoiceAgentTurnEvent[call=" + getCallId() + ", turn=" + this.turn.turn() + ", outcome="
				+ this.turn.outcome() + "]";
	}

}
