package io.telcoflow.voiceagent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.telcoflow.client.ActiveCall;
import org.springframework.ai.chat.messages.Message;

/**
 * One voice agent's conversation on one call, as returned by {@link VoiceAgent#start(ActiveCall)}.
 * Thread-safe.
 */
public interface Conversation {

	/**
	 * Returns the call.
	 * @return the call the agent talks on
	 */
	ActiveCall call();

	/**
	 * Returns the transcript so far: the caller's utterances and what the caller heard of the
	 * agent's.
	 * @return the entries, oldest first
	 */
	List<TranscriptEntry> transcript();

	/**
	 * Returns the conversation's memory, as the chat model will see it on the next turn: the
	 * caller's messages and, of each agent reply, only the part the caller heard. Read from the
	 * {@code ChatMemory}, under the call's id as conversation id.
	 * @return the messages, oldest first (the system prompt is not among them)
	 */
	List<Message> messages();

	/**
	 * Returns whether the agent still listens and talks.
	 * @return {@code false} once the conversation ended
	 */
	boolean isActive();

	/**
	 * Returns a future that completes when the conversation ends.
	 * @return the future, completed with why it ended
	 */
	CompletableFuture<VoiceAgentEvent.EndReason> endFuture();

	/**
	 * Waits for the conversation to end.
	 * @param timeout how long to wait at most
	 * @return whether it ended in time
	 */
	boolean awaitEnd(Duration timeout);

	/**
	 * Ends the conversation now: the agent stops listening, clears what it still had to say and
	 * cancels its models. The call is left as it is (the application may go on with it).
	 */
	void end();

}
