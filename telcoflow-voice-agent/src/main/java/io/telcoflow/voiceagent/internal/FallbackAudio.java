package io.telcoflow.voiceagent.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;

/**
 * The fallback line, synthesized once per agent when its first conversation starts, so that the
 * caller hears it even when the speech model is the one failing later. Thread-safe.
 */
public final class FallbackAudio {

	private static final Logger logger = LoggerFactory.getLogger(FallbackAudio.class);

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile byte @Nullable [] audio;

	/**
	 * Synthesizes the line in the background, the first time only.
	 * @param model the speech model
	 * @param options its options
	 * @param line the fallback line
	 * @param timeout how long the synthesis may take
	 */
	void prepare(TextToSpeechModel model, @Nullable TextToSpeechOptions options, String line, Duration timeout) {
		if (!this.started.compareAndSet(false, true)) {
			return;
		}
		TextToSpeechPrompt prompt = (options != null) ? new TextToSpeechPrompt(line, options)
				: new TextToSpeechPrompt(line);
		model.stream(prompt)
			.timeout(timeout)
			.map(FallbackAudio::bytes)
			.reduce(new ByteArrayOutputStream(), (out, chunk) -> {
				out.writeBytes(chunk);
				return out;
			})
			.subscribe((out) -> this.audio = out.toByteArray(), (ex) -> {
				// Tried again by the next conversation.
				this.started.set(false);
				logger.warn("The voice agent's fallback line could not be synthesized: {}", ex.toString());
			});
	}

	/**
	 * Returns the line's audio.
	 * @return the audio in the speech model's format, or {@code null} when not synthesized (yet)
	 */
	byte @Nullable [] audio() {
		return this.audio;
	}

	static byte[] bytes(TextToSpeechResponse response) {
		if (response.getResult() == null) {
			return new byte[0];
		}
		byte[] output = response.getResult().getOutput();
		return (output != null) ? output : new byte[0];
	}

}
