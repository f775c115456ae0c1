package io.telcoflow.voiceagent.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SentenceSplitter}.
 */
class SentenceSplitterTests {

	@Test
	void aSentenceIsGivenAsSoonAsTheNextWordStarts() {
		SentenceSplitter splitter = new SentenceSplitter();
		assertThat(splitter.add("Certainly")).isEmpty();
		assertThat(splitter.add(", I can help.")).isEmpty();
		assertThat(splitter.add(" Which")).containsExactly("Certainly, I can help.");
		assertThat(splitter.add(" day?")).isEmpty();
		assertThat(splitter.flush()).isEqualTo("Which day?");
		assertThat(splitter.flush()).isNull();
	}

	@Test
	void splitsWhateverTheTokenBoundaries() {
		String text = "Your room is booked! Check-in is at 3.30 pm. Dr. Smith will meet you?  Yes.";
		for (int size = 1; size <= 7; size++) {
			SentenceSplitter splitter = new SentenceSplitter();
			List<String> sentences = new ArrayList<>();
			for (int i = 0; i < text.length(); i += size) {
				sentences.addAll(splitter.add(text.substring(i, Math.min(text.length(), i + size))));
			}
			sentences.add(splitter.flush());
			assertThat(sentences).as("tokens of %d", size)
				.containsExactly("Your room is booked!", "Check-in is at 3.30 pm.", "Dr. Smith will meet you?", "Yes.");
		}
	}

	@Test
	void shortPiecesWaitForTheNextSentence() {
		SentenceSplitter splitter = new SentenceSplitter();
		assertThat(splitter.add("Yes. The room is free. ")).containsExactly("Yes. The room is free.");
	}

	@Test
	void textRunTogetherAroundAToolCallIsSplit() {
		SentenceSplitter splitter = new SentenceSplitter();
		assertThat(splitter.add("Let me put you through.Sorry, nobody answered. ")).containsExactly(
				"Let me put you through.", "Sorry, nobody answered.");
		assertThat(splitter.add("One moment please\nThe line is busy. ")).containsExactly("One moment please",
				"The line is busy.");
	}

}
