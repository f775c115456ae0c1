package io.telcoflow.voiceagent;

/**
 * A tool on the call itself that the agent can offer to its chat model, besides the application's
 * own tools. Choose them with {@link VoiceAgent.Builder#callTools(CallTool...)}.
 */
public enum CallTool {

	/**
	 * {@code transfer_to_person}: rings the connector's callee ({@code connect}) and, when someone
	 * answers, leaves caller and callee talking (the agent leaves the call once its reply has played).
	 * When nobody answers, the model gets {@code CALL_UNANSWERED} as the tool's result and the
	 * conversation goes on.
	 */
	TRANSFER("transfer_to_person"),

	/**
	 * {@code hang_up}: ends the call once the reply that asked for it (the goodbye) has been played
	 * to the end ({@code awaitPlayback}, then {@code disconnect}).
	 */
	HANG_UP("hang_up"),

	/**
	 * {@code read_dtmf}: returns the keys the caller pressed, waiting for more up to a count, a
	 * finishing key or a timeout. Keys pressed since the last read count, so a caller who types
	 * while the agent is still asking loses nothing.
	 */
	READ_DTMF("read_dtmf");

	private final String toolName;

	CallTool(String toolName) {
		this.toolName = toolName;
	}

	/**
	 * Returns the name the chat model sees.
	 * @return the tool's name, such as {@code hang_up}
	 */
	public String toolName() {
		return this.toolName;
	}

}
