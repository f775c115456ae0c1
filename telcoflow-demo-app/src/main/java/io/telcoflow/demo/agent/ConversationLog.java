package io.telcoflow.demo.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.telcoflow.voiceagent.VoiceAgentEvent;
import io.telcoflow.voiceagent.VoiceAgentListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the story of each AI receptionist call in the log, one line per event, each starting with
 * the call's id ({@link AiReceptionist} says who called): what the caller said, what the agent said and how much of it the caller heard,
 * barge-ins, the tools it used, each turn's latency and how the call ended.
 */
public final class ConversationLog implements VoiceAgentListener {

	private static final Logger logger = LoggerFactory.getLogger(ConversationLog.class);

	@Override
	public void onEvent(VoiceAgentEvent event) {
		if (!logger.isInfoEnabled() && !(event instanceof VoiceAgentEvent.ModelFailed)) {
			return;
		}
		String id = event.callId();
		if (event instanceof VoiceAgentEvent.CallerSaid said) {
			logger.info("call {}: caller said \"{}\" ({} of speech)", id, said.text(), millis(said.speech()));
		}
		else if (event instanceof VoiceAgentEvent.AgentSaid said) {
			if (said.interrupted()) {
				logger.info("call {}: agent said \"{}\" and was cut off before \"{}\"", id, said.heard(), said.unheard());
			}
			else {
				logger.info("call {}: agent said \"{}\"", id, said.heard());
			}
		}
		else if (event instanceof VoiceAgentEvent.BargeIn bargeIn) {
			logger.info("call {}: barge-in: the caller spoke over the agent, who stopped at once; the caller had "
					+ "heard \"{}\"", id, bargeIn.heard());
		}
		else if (event instanceof VoiceAgentEvent.CallToolUsed tool) {
			logger.info("call {}: tool {}: {}", id, tool.tool().toolName(), tool.result());
		}
		else if (event instanceof VoiceAgentEvent.TurnCompleted turn) {
			logger.info("call {}: turn {} {}: {}", id, turn.turn(), turn.outcome().name().toLowerCase(Locale.ROOT),
					latency(turn));
		}
		else if (event instanceof VoiceAgentEvent.ModelFailed failed) {
			logger.warn("call {}: the {} model {}: {}; the caller hears the fallback line", id,
					failed.stage().name().toLowerCase(Locale.ROOT), failed.timedOut() ? "timed out" : "failed",
					failed.error().toString());
		}
		else if (event instanceof VoiceAgentEvent.ConversationEnded ended) {
			logger.info("call {}: conversation ended ({})", id, describe(ended.reason()));
		}
	}

	private static String latency(VoiceAgentEvent.TurnCompleted turn) {
		List<String> parts = new ArrayList<>();
		parts.add("end of utterance " + millis(turn.endOfUtterance()));
		add(parts, "transcription", turn.transcription());
		add(parts, "first token", turn.firstToken());
		add(parts, "first speech", turn.firstSpeech());
		String response = (turn.response() != null) ? "response " + millis(turn.response()) : "no response played";
		return response + " (" + String.join(", ", parts) + ")";
	}

	private static void add(List<String> parts, String name, @Nullable Duration duration) {
		if (duration != null) {
			parts.add(name + " " + millis(duration));
		}
	}

	private static String describe(VoiceAgentEvent.EndReason reason) {
		return switch (reason) {
			case CALL_ENDED -> "the call ended";
			case HUNG_UP -> "the agent hung up after its goodbye";
			case TRANSFERRED -> "put through to a person";
			case ENDED -> "ended by the application";
		};
	}

	/**
	 * Formats a duration in milliseconds.
	 * @param duration the duration
	 * @return for example {@code 1234 ms}
	 */
	static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

}
