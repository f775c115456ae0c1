package io.telcoflow.voiceagent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a voice agent's conversation, given to each
 * {@link VoiceAgentListener}. Every event names its call and when it happened.
 */
public sealed interface VoiceAgentEvent {

	/**
	 * Returns the id of the call the conversation is on.
	 * @return the call id
	 */
	String callId();

	/**
	 * Returns when it happened.
	 * @return the instant
	 */
	Instant at();

	/**
	 * The agent took the call and starts talking (its greeting, if any).
	 *
	 * @param callId the call
	 * @param at when
	 */
	record ConversationStarted(String callId, Instant at) implements VoiceAgentEvent {
	}

	/**
	 * The caller finished an utterance and it was transcribed.
	 *
	 * @param callId the call
	 * @param at when the transcript arrived
	 * @param text what the caller said
	 * @param speech how long the caller spoke
	 */
	record CallerSaid(String callId, Instant at, String text, Duration speech) implements VoiceAgentEvent {

		/**
		 * Checks the values.
		 * @param callId the call
		 * @param at when
		 * @param text what was said
		 * @param speech how long
		 */
		public CallerSaid {
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * An agent utterance ended: played to the end, or cut off by the caller.
	 *
	 * @param callId the call
	 * @param at when it ended
	 * @param heard what the caller heard (all of it unless interrupted)
	 * @param unheard what the agent had prepared and the caller did not hear; empty unless
	 * interrupted
	 * @param interrupted whether the caller spoke over it
	 */
	record AgentSaid(String callId, Instant at, String heard, String unheard, boolean interrupted)
			implements VoiceAgentEvent {

		/**
		 * Returns everything the agent had prepared: heard and unheard.
		 * @return the whole reply as far as it was generated
		 */
		public String text() {
			return this.unheard.isEmpty() ? this.heard
					: (this.heard.isEmpty() ? this.unheard : this.heard + " " + this.unheard);
		}

	}

	/**
	 * The caller spoke over the agent for at least the barge-in minimum: the outgoing audio was
	 * cleared and the reply's models cancelled.
	 *
	 * @param callId the call
	 * @param at when the barge-in was detected (the audio was cleared then)
	 * @param heardBytes how many bytes of the interrupted utterance the server had pulled, that is
	 * what the caller heard of it
	 * @param heard the text the caller heard
	 */
	record BargeIn(String callId, Instant at, long heardBytes, String heard) implements VoiceAgentEvent {
	}

	/**
	 * A turn ended, with its latency. Durations are {@code null} for the parts the turn did not
	 * reach.
	 *
	 * @param callId the call
	 * @param at when the turn ended
	 * @param turn the turn's number in the conversation, from 1
	 * @param outcome how it ended
	 * @param endOfUtterance from the end of the caller's speech to its detection (the silence the
	 * detector waits for)
	 * @param transcription how long the transcription model took
	 * @param firstToken from the chat request to the first text of the reply
	 * @param firstSpeech from the first sentence sent to the speech model to its first audio
	 * @param response from the end of the caller's speech to the first audio of the reply pulled by
	 * the server: what the caller experiences
	 */
	record TurnCompleted(String callId, Instant at, int turn, TurnOutcome outcome, Duration endOfUtterance,
			@Nullable Duration transcription, @Nullable Duration firstToken, @Nullable Duration firstSpeech,
			@Nullable Duration response) implements VoiceAgentEvent {
	}

	/**
	 * A model failed or did not answer in time. The caller hears the fallback line and the
	 * conversation goes on.
	 *
	 * @param callId the call
	 * @param at when
	 * @param stage which model
	 * @param error what went wrong (a {@link java.util.concurrent.TimeoutException} for a timeout)
	 * @param timedOut whether the model did not answer in time
	 */
	record ModelFailed(String callId, Instant at, ModelStage stage, Throwable error, boolean timedOut)
			implements VoiceAgentEvent {
	}

	/**
	 * The model called one of the call's tools.
	 *
	 * @param callId the call
	 * @param at when the tool returned
	 * @param tool which tool
	 * @param result what the tool told the model
	 */
	record CallToolUsed(String callId, Instant at, CallTool tool, String result) implements VoiceAgentEvent {
	}

	/**
	 * The conversation ended.
	 *
	 * @param callId the call
	 * @param at when
	 * @param reason why
	 */
	record ConversationEnded(String callId, Instant at, EndReason reason) implements VoiceAgentEvent {
	}

	/**
	 * Why a conversation ended.
	 */
	enum EndReason {

		/** The call ended (the caller hung up, or the server ended it). */
		CALL_ENDED,

		/** The agent hung up ({@link CallTool#HANG_UP}). */
		HUNG_UP,

		/** The agent transferred the caller to a person ({@link CallTool#TRANSFER}) and left. */
		TRANSFERRED,

		/** The application ended it ({@link Conversation#end()}). */
		ENDED

	}

}
