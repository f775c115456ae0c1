package io.telcoflow.speech.offline;

import io.telcoflow.audio.AudioConverter;
import io.telcoflow.audio.AudioFormat;

/**
 * Converts a whole piece of audio (a sentence, an utterance) at once: what the resampler holds
 * back is flushed at the end, so nothing is lost.
 */
final class WholeAudio {

	private WholeAudio() {
	}

	/**
	 * Converts audio.
	 * @param audio the audio, in the source format
	 * @param source its format
	 * @param target the format wanted
	 * @param padding bytes of silence (zeros) to put before and after the result
	 * @return the audio in the target format, with the padding
	 */
	static byte[] convert(byte[] audio, AudioFormat source, AudioFormat target, int padding) {
		AudioConverter converter = new AudioConverter(source, target);
		byte[] body = converter.convert(audio);
		byte[] tail = converter.flush();
		byte[] out = new byte[padding + body.length + tail.length + padding];
		System.arraycopy(body, 0, out, padding, body.length);
		System.arraycopy(tail, 0, out, padding + body.length, tail.length);
		return out;
	}

}
