package io.telcoflow.spring.event;

import java.io.Serial;

import io.telcoflow.client.TelcoflowClient;
import io.telcoflow.voiceagent.ModelStage;
import io.telcoflow.voiceagent.VoiceAgentEvent;

/**
 * A voice agent's model failed or did not answer in time; the caller heard the fallback line and
 * the call went on.
 */
public class VoiceAgentFailedEvent extends TelcoflowEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What the agent reported. */
	private final transient VoiceAgentEvent.ModelFailed failed;

	/**
	 * Creates an event.
	 * @param client the client the call is on
	 * @param failed what the agent reported
	 */
	public VoiceAgentFailedEvent(TelcoflowClient client, VoiceAgentEvent.ModelFailed failed) {
		super(client);
		this.failed = failed;
	}

	/**
	 * Returns the call's id.
	 * @return the id
	 */
	public String getCallId() {
		return this.failed.callId();
	}

	/**
	 * Returns which model failed.
	 * @return the stage
	 */
	public ModelStage getStage() {
		return this.failed.stage();
	}

	/**
	 * Returns what went wrong.
	 * @return the error ({@link java.util.concurrent.TimeoutException} for a timeout)
	 */
	public Throwable getError() {
		return this.failed.error();
	}

	/**
	 * Returns whether the model did not answer in time.
	 * @return whether it timed out
	 */
	public boolean isTimedOut() {
		return this.failed.timedOut();
	}

	@Override
	public String toString() {
		return "VoiceAgentFailedEvent[call=" + getCallId() + ", stage=" + getStage() + ", timedOut=" + isTimedOut()
				+ "]";
	}

}
