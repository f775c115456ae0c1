package io.telcoflow.voiceagent.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each sentence of an agent utterance lies in the call's outgoing audio, in the coordinates of
 * {@code ActiveCall.getPlayedAudioBytes()}, so that the bytes the server pulled tell the text the
 * caller heard.
 * <p>
 * Within a sentence the heard part is apportioned by characters: the share of the sentence's bytes
 * pulled gives a share of its characters, cut back to the last whole word (a word is heard only
 * when the audio reached its end, by that estimate). A sentence still being synthesized has no
 * known end yet: its length is estimated from the characters per byte of the utterance's finished
 * sentences (at a default speaking rate of {@value #DEFAULT_CHARS_PER_SECOND} characters per second
 * when there are none). Not thread-safe: its owner locks.
 */
public final class PlaybackLedger {

	static final double DEFAULT_CHARS_PER_SECOND = 15.0;

	private final int bytesPerSecond;

	private final List<Segment> segments = new ArrayList<>();

	/**
	 * Creates an empty ledger.
	 * @param bytesPerSecond bytes per second of the call's audio
	 */
	public PlaybackLedger(int bytesPerSecond) {
		this.bytesPerSecond = bytesPerSecond;
	}

	/**
	 * A sentence starts at an offset.
	 * @param text the sentence
	 * @param offset where its first byte lies
	 */
	public void begin(String text, long offset) {
		this.segments.add(new Segment(text, offset));
	}

	/**
	 * The current sentence now ends at an offset.
	 * @param offset the end (exclusive) of the bytes sent so far
	 */
	public void extend(long offset) {
		last().end = offset;
	}

	/**
	 * The current sentence is all sent.
	 */
	public void complete() {
		if (!this.segments.isEmpty()) {
			last().complete = true;
		}
	}

	/**
	 * Returns whether nothing was sent.
	 * @return whether no sentence began
	 */
	public boolean isEmpty() {
		return this.segments.isEmpty();
	}

	/**
	 * Returns the offset of the first byte.
	 * @return the offset, or -1 when nothing began
	 */
	public long start() {
		return this.segments.isEmpty() ? -1 : this.segments.get(0).start;
	}

	/**
	 * Splits the text at what the caller heard.
	 * @param played bytes the server pulled, in the same coordinates as the offsets
	 * @return the heard text and the unheard text
	 */
	public String[] split(long played) {
		StringBuilder heard = new StringBuilder();
		StringBuilder unheard = new StringBuilder();
		double bytesPerChar = bytesPerChar();
		for (Segment segment : this.segments) {
			long end = segment.complete ? segment.end
					: Math.max(segment.end, segment.start + (long) Math.ceil(segment.text.length() * bytesPerChar));
			if (segment.complete && segment.end == segment.start) {
				// Never sounded (its synthesis failed).
				append(unheard, segment.text);
			}
			else if (played >= end) {
				append(heard, segment.text);
			}
			else if (played <= segment.start) {
				append(unheard, segment.text);
			}
			else {
				int chars = (int) ((played - segment.start) * segment.text.length() / (end - segment.start));
				int cut = wordCut(segment.text, chars);
				append(heard, segment.text.substring(0, cut).strip());
				append(unheard, segment.text.substring(cut).strip());
			}
		}
		return new String[] { heard.toString(), unheard.toString() };
	}

	/** The longest prefix of whole words within {@code chars} characters. */
	static int wordCut(String text, int chars) {
		if (chars >= text.length()) {
			return text.length();
		}
		if (Character.isWhitespace(text.charAt(chars))) {
			return chars;
		}
		int cut = chars;
		while (cut > 0 && !Character.isWhitespace(text.charAt(cut - 1))) {
			cut--;
		}
		return cut;
	}

	private double bytesPerChar() {
		long bytes = 0;
		long chars = 0;
		for (Segment segment : this.segments) {
			if (segment.complete && segment.end > segment.start) {
				bytes += segment.end - segment.start;
				chars += segment.text.length();
			}
		}
		return (chars > 0) ? (double) bytes / chars : this.bytesPerSecond / DEFAULT_CHARS_PER_SECOND;
	}

	private static void append(StringBuilder builder, String text) {
		if (text.isEmpty()) {
			return;
		}
		if (builder.length() > 0) {
			builder.append(' ');
		}
		builder.append(text);
	}

	private Segment last() {
		return this.segments.get(this.segments.size() - 1);
	}

	private static final class Segment {

		private final String text;

		private final long start;

		private long end;

		private boolean complete;

		Segment(String text, long start) {
			this.text = text;
			this.start = start;
			this.end = start;
		}

	}

}
