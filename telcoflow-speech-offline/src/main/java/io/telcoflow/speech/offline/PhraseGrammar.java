package io.telcoflow.speech.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSGF grammar that accepts any sequence of known phrases, with every word checked against the
 * Sphinx4 en-us dictionary (a word it lacks could never be recognized, and Sphinx4 would only log
 * a warning).
 */
final class PhraseGrammar {

	static final String NAME = "telcoflow";

	private static final String DICTIONARY = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";

	private static final Pattern NAME_DECLARATION = Pattern.compile("(?m)^\\s*grammar\\s+([A-Za-z0-9_]+)\\s*;");

	private PhraseGrammar() {
	}

	/**
	 * Returns the words of a phrase as the dictionary spells them: lower case, punctuation other
	 * than apostrophes dropped.
	 * @param phrase the phrase
	 * @return the words
	 */
	static List<String> words(String phrase) {
		String cleaned = phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip();
		return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
	}

	/**
	 * Builds the grammar.
	 * @param phrases the phrases, at least one
	 * @return the JSGF text of grammar {@value #NAME}
	 * @throws IllegalArgumentException when there is no phrase, or a word is not in the dictionary
	 */
	static String jsgf(Collection<String> phrases) {
		Set<String> alternatives = new LinkedHashSet<>();
		Set<String> allWords = new HashSet<>();
		for (String phrase : phrases) {
			List<String> words = words(phrase);
			if (!words.isEmpty()) {
				alternatives.add(String.join(" ", words));
				allWords.addAll(words);
			}
		}
		if (alternatives.isEmpty()) {
			throw new IllegalArgumentException("A grammar needs at least one phrase with a word in it");
		}
		Set<String> unknown = new TreeSet<>(allWords);
		unknown.removeAll(known(allWords));
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Words not in Sphinx4's en-us dictionary, so never recognized: " + unknown
					+ " (spell numbers and abbreviations out as they are spoken)");
		}
		return "#JSGF V1.0;\ngrammar " + NAME + ";\npublic <utterance> = <phrase>+;\n<phrase> = "
				+ String.join("\n    | ", alternatives) + ";\n";
	}

	/**
	 * Returns the name a JSGF grammar declares.
	 * @param jsgf the grammar's text
	 * @return the name
	 * @throws IllegalArgumentException when it declares none
	 */
	static String name(String jsgf) {
		Matcher matcher = NAME_DECLARATION.matcher(jsgf);
		if (!matcher.find()) {
			throw new IllegalArgumentException("The JSGF grammar declares no name (a line 'grammar <name>;')");
		}
		return matcher.group(1);
	}

	private static Set<String> known(Set<String> words) {
		Set<String> found = new HashSet<>();
		try (InputStream in = PhraseGrammar.class.getResourceAsStream(DICTIONARY)) {
			if (in == null) {
				throw new IllegalStateException("Sphinx4's en-us dictionary " + DICTIONARY
						+ " is not on the class path (net.sf.phat:sphinx4-data)");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null && found.size() < words.size()) {
				int space = line.indexOf(' ');
				if (space > 0) {
					String word = line.substring(0, space);
					if (words.contains(word)) {
						found.add(word);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read Sphinx4's en-us dictionary", ex);
		}
		return found;
	}

}
