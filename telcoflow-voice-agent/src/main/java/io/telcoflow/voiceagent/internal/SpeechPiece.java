package io.telcoflow.voiceagent.internal;

/**
 * What flows to the sending thread: a sentence begins, some of its audio, it ends.
 *
 * @param kind which
 * @param text the sentence (for a begin)
 * @param audio the audio in the speech model's format (for audio)
 */
record SpeechPiece(Kind kind, String text, byte[] audio) {

	private static final byte[] NONE = new byte[0];

	static SpeechPiece begin(String text) {
		return new SpeechPiece(Kind.BEGIN, text, NONE);
	}

	static SpeechPiece audio(byte[] audio) {
		return new SpeechPiece(Kind.AUDIO, "", audio);
	}

	static SpeechPiece end() {
		return new SpeechPiece(Kind.END, "", NONE);
	}

	enum Kind {

		BEGIN, AUDIO, END

	}

}
