package io.telcoflow.voiceagent.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlaybackLedger}.
 */
class PlaybackLedgerTests {

	private static final int BYTES_PER_SECOND = 48_000;

	@Test
	void wholeSentencesAreHeardOrNot() {
		PlaybackLedger ledger = twoSentences();
		assertThat(ledger.split(1_000)).containsExactly("", "Hello there. How are you today?");
		assertThat(ledger.split(2_000)).containsExactly("Hello there.", "How are you today?");
		assertThat(ledger.split(10_000)).containsExactly("Hello there. How are you today?", "");
	}

	@Test
	void withinASentenceTheShareOfBytesGivesTheShareOfCharactersInWholeWords() {
		PlaybackLedger ledger = twoSentences();
		// "How are you today?" is 18 characters over 1800 bytes: 100 bytes a character.
		assertThat(ledger.split(2_000 + 700)).containsExactly("Hello there. How are", "you today?");
		assertThat(ledger.split(2_000 + 699)).containsExactly("Hello there. How", "are you today?");
		assertThat(ledger.split(2_000 + 200)).containsExactly("Hello there.", "How are you today?");
	}

	@Test
	void aSentenceStillBeingSynthesizedIsEstimatedFromTheFinishedOnes() {
		PlaybackLedger ledger = new PlaybackLedger(BYTES_PER_SECOND);
		ledger.begin("Hello there.", 1_000);
		ledger.extend(2_200);
		ledger.complete();
		// 100 bytes a character; the second sentence has 600 bytes so far of an estimated 1800.
		ledger.begin("How are you today?", 2_200);
		ledger.extend(2_800);
		assertThat(ledger.split(2_200 + 800)).containsExactly("Hello there. How are", "you today?");
	}

	@Test
	void aSentenceThatNeverSoundedIsUnheard() {
		PlaybackLedger ledger = new PlaybackLedger(BYTES_PER_SECOND);
		ledger.begin("This failed.", 0);
		ledger.complete();
		ledger.begin("Sorry.", 0);
		ledger.extend(600);
		ledger.complete();
		assertThat(ledger.split(600)).containsExactly("Sorry.", "This failed.");
	}

	private static PlaybackLedger twoSentences() {
		PlaybackLedger ledger = new PlaybackLedger(BYTES_PER_SECOND);
		ledger.begin("Hello there.", 800);
		ledger.extend(2_000);
		ledger.complete();
		ledger.begin("How are you today?", 2_000);
		ledger.extend(3_800);
		ledger.complete();
		return ledger;
	}

}
