package io.telcoflow.demo.agent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the embedded simulator's callers say to the AI receptionist, and so all that the offline
 * transcription model's grammar recognizes: a grammar is what makes Sphinx4 fast and word for
 * word, and also what limits it to known sentences (OpenAI's transcription has no such limit).
 */
public final class CallerSentences {

	/** Asks for the opening hours. */
	public static final String OPENING_HOURS = "What are your opening hours?";

	/** Speaks over the opening hours to end the call. */
	public static final String THAT_IS_ALL = "Thanks, that is all I needed. Goodbye.";

	/** Asks for a person. */
	public static final String TALK_TO_PERSON = "Can I talk to a person, please?";

	/** Asks to leave a message. */
	public static final String LEAVE_MESSAGE = "Hello, I would like to leave a message.";

	/** The message. */
	public static final String MESSAGE = "This is Sam from accounts, please call me back tomorrow about the invoice.";

	/** Greets. */
	public static final String HELLO = "Hello.";

	/** Says goodbye. */
	public static final String GOODBYE = "Nothing else, thank you. Goodbye.";

	/** Where a sentence pauses: after a comma or a full stop. */
	private static final Pattern PAUSE = Pattern.compile("(?<=[,.?!])\\s+");

	private CallerSentences() {
	}

	/**
	 * Returns every sentence.
	 * @return the sentences
	 */
	public static List<String> all() {
		return List.of(OPENING_HOURS, THAT_IS_ALL, TALK_TO_PERSON, LEAVE_MESSAGE, MESSAGE, HELLO, GOODBYE);
	}

	/**
	 * Returns the parts of the sentences between pauses, for a grammar that accepts any sequence of
	 * them: Sphinx4 cuts the audio at pauses and recognizes each piece on its own, so a grammar of
	 * whole sentences loses the piece after a comma.
	 * @return the phrases
	 */
	public static List<String> phrases() {
		return all().stream().flatMap(PAUSE::splitAsStream).distinct().toList();
	}

}
