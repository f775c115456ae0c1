package io.telcoflow.demo.agent;

import io.telcoflow.client.ActiveCall;
import io.telcoflow.spring.annotation.OnIncomingCall;
import io.telcoflow.voiceagent.VoiceAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every call offered to the application and hands it to the receptionist's voice agent,
 * which answers, talks with the caller and returns when the call is over.
 */
public class AiReceptionist {

	private static final Logger logger = LoggerFactory.getLogger(ConversationLog.class);

	private final VoiceAgent agent;

	/**
	 * Creates the receptionist.
	 * @param agent the voice agent
	 */
	public AiReceptionist(VoiceAgent agent) {
		this.agent = agent;
	}

	/**
	 * Handles one call, on its own thread, from offer to hang-up.
	 * @param call the call, not yet answered
	 */
	@OnIncomingCall
	public void onIncomingCall(ActiveCall call) {
		String caller = call.getCallerNumber();
		logger.info("call {} from {}: the AI receptionist answers", call.getCallId(),
				(caller != null) ? caller : "a withheld number");
		this.agent.run(call);
	}

}
