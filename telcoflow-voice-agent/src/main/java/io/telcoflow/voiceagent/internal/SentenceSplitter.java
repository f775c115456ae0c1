package io.telcoflow.voiceagent.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Cuts streamed text into sentences as it arrives, so that the first sentence can be spoken while
 * the rest is still being written. A sentence ends at {@code .}, {@code !}, {@code ?} (or their
 * full-width forms), or a line break, followed by white space; not after a common abbreviation
 * ("Dr.", "e.g.") or a lone initial, and not in a number ("3.5", no space follows). Pieces shorter
 * than a few characters wait for the next sentence, so that "Yes." and "OK." do not each cost a
 * synthesis of their own. Not thread-safe.
 */
public final class SentenceSplitter {

	private static final int MIN_SENTENCE = 8;

	private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs",
			"etc", "e.g", "i.e", "no", "approx", "ave", "inc", "ltd", "co");

	private final StringBuilder pending = new StringBuilder();

	/**
	 * Adds the next piece of text.
	 * @param text the piece (a token or several)
	 * @return the sentences it completed, in order
	 */
	public List<String> add(String text) {
		this.pending.append(text);
		List<String> sentences = null;
		int from = 0;
		int start = 0;
		for (int i = 0; i < this.pending.length() - 1; i++) {
			char c = this.pending.charAt(i);
			char next = this.pending.charAt(i + 1);
			// ".Next" without a space: streamed pieces written apart (before and after a tool call).
			boolean boundary = Character.isWhitespace(next) || (c != '.' && Character.isUpperCase(next))
					|| (c == '.' && Character.isUpperCase(next) && i > start + 1);
			if (isEnd(c) && boundary && !abbreviation(start, i)) {
				String sentence = this.pending.substring(from, i + 1).strip();
				if (sentence.length() >= MIN_SENTENCE || c == '\n') {
					if (sentences == null) {
						sentences = new ArrayList<>(2);
					}
					if (!sentence.isEmpty()) {
						sentences.add(sentence);
					}
					from = i + 1;
				}
			}
			if (Character.isWhitespace(c)) {
				start = i + 1;
			}
		}
		if (from > 0) {
			this.pending.delete(0, from);
		}
		return (sentences != null) ? sentences : List.of();
	}

	/**
	 * Returns the rest, at the end of the text.
	 * @return the last sentence, or {@code null} when nothing is left
	 */
	public @Nullable String flush() {
		String rest = this.pending.toString().strip();
		this.pending.setLength(0);
		return rest.isEmpty() ? null : rest;
	}

	private static boolean isEnd(char c) {
		return c == '.' || c == '!' || c == '?' || c == '\n' || c == '。' || c == '！' || c == '？';
	}

	private boolean abbreviation(int wordStart, int dot) {
		if (this.pending.charAt(dot) != '.') {
			return false;
		}
		String word = this.pending.substring(wordStart, dot).toLowerCase(Locale.ROOT);
		return (word.length() == 1 && Character.isLetter(word.charAt(0))) || ABBREVIATIONS.contains(word);
	}

}
