package io.telcoflow.spring.boot.voiceagent;

import io.telcoflow.spring.event.AgentSaidEvent;
import io.telcoflow.spring.event.CallerSaidEvent;
import io.telcoflow.spring.event.TelcoflowEventPublisher;
import io.telcoflow.spring.event.VoiceAgentFailedEvent;
import io.telcoflow.spring.event.VoiceAgentTurnEvent;
import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentListener;

/**
 * A {@link VoiceAgentListener} that publishes what voice agents report as Spring events:
 * {@link CallerSaidEvent}, {@link AgentSaidEvent}, {@link VoiceAgentTurnEvent} and
 * {@link VoiceAgentFailedEvent}. They are published on the {@link TelcoflowEventPublisher}'s thread,
 * in order with the client's events, never on the call's audio thread.
 */
public class VoiceAgentEventPublisher implements VoiceAgentListener {

	private final TelcoflowEventPublisher publisher;

	/**
	 * Creates a publisher.
	 * @param publisher publishes on its own thread
	 */
	public VoiceAgentEventPublisher(TelcoflowEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onEvent(VoiceAgentEvent event) {
		if (event instanceof VoiceAgentEvent.CallerSaid said) {
			this.publisher.submit((client) -> new CallerSaidEvent(client, said));
		}
		else if (event instanceof VoiceAgentEvent.AgentSaid said) {
			this.publisher.submit((client) -> new AgentSaidEvent(client, said));
		}
		else if (event instanceof VoiceAgentEvent.TurnCompleted turn) {
			this.publisher.submit((client) -> new VoiceAgentTurnEvent(client, turn));
		}
		else if (event instanceof VoiceAgentEvent.ModelFailed failed) {
			this.publisher.submit((client) -> new VoiceAgentFailedEvent(client, failed));
		}
	}

}
