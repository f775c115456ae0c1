package io.telcoflow.speech.offline.demo;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a caller can want from the receptionist, and the words that say so. A text means the first
 * intent (in declaration order) one of whose key phrases it contains as whole words.
 */
enum Intent {

	/** The caller wants to leave a message (before "talk to a person": "leave a message for someone"). */
	LEAVE_MESSAGE("message", "voicemail", "voice mail", "call me back", "call back"),

	/** The caller wants a human. */
	TALK_TO_PERSON("person", "human", "someone", "somebody", "operator", "representative", "agent", "put me through",
			"transfer", "speak to", "talk to"),

	/** The caller asks when the business is open. */
	OPENING_HOURS("opening hours", "hours", "open", "close", "closed", "closing"),

	/** The caller ends the call. */
	GOODBYE("goodbye", "good bye", "bye", "that's all", "that is all", "nothing else"),

	/** The caller greets. */
	GREETING("hello", "hi", "hey", "good morning", "good afternoon", "good evening");

	private final List<String> phrases;

	Intent(String... phrases) {
		this.phrases = List.of(phrases);
	}

	/**
	 * Returns the words of a text: lower case, without punctuation (apostrophes kept), each
	 * surrounded by single spaces so that phrases match whole words only.
	 * @param text the text
	 * @return the normalized text, such as {@code " good morning "}
	 */
	static String normalize(String text) {
		String words = text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
		return " " + words + " ";
	}

	/**
	 * Returns what a text asks for.
	 * @param text what the caller said
	 * @return the intent, or {@code null} when none matches
	 */
	static @Nullable Intent of(String text) {
		String words = normalize(text);
		for (Intent intent : values()) {
			for (String phrase : intent.phrases) {
				if (words.contains(" " + phrase + " ")) {
					return intent;
				}
			}
		}
		return null;
	}

}
