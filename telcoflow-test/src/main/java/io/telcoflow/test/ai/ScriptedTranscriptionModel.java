package io.telcoflow.test.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.transcription.AudioTranscription;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;

/**
 * A {@link TranscriptionModel} that answers each transcription with the next scripted text, whatever
 * the audio: the script says what the caller says, utterance by utterance. A step can also wait
 * (to test a timeout) or fail. When the script is used up, it transcribes silence (an empty text).
 * Records the audio files it received. Thread-safe.
 * <pre>{@code
 * ScriptedTranscriptionModel caller = new ScriptedTranscriptionModel()
 *     .then("I'd like to book a room.")
 *     .thenFail(new IllegalStateException("model down"))
 *     .then("For two nights.");
 * }</pre>
 */
public final class ScriptedTranscriptionModel implements TranscriptionModel {

	private final Deque<Step> steps = new ArrayDeque<>();

	private final List<byte[]> received = new ArrayList<>();

	private final List<String> filenames = new ArrayList<>();

	/**
	 * Creates a model with an empty script.
	 */
	public ScriptedTranscriptionModel() {
	}

	/**
	 * Creates a model that transcribes utterances as the given texts, in order.
	 * @param texts the texts
	 * @return the model
	 */
	public static ScriptedTranscriptionModel of(String... texts) {
		ScriptedTranscriptionModel model = new ScriptedTranscriptionModel();
		for (String text : texts) {
			model.then(text);
		}
		return model;
	}

	/**
	 * Adds a step: the next utterance is transcribed as this text.
	 * @param text the text
	 * @return this model
	 */
	public synchronized ScriptedTranscriptionModel then(String text) {
		this.steps.add(new Step(Objects.requireNonNull(text, "text"), Duration.ZERO, null));
		return this;
	}

	/**
	 * Adds a step: the next transcription takes this long, then returns the text.
	 * @param delay how long (the call blocks)
	 * @param text the text
	 * @return this model
	 */
	public synchronized ScriptedTranscriptionModel thenAfter(Duration delay, String text) {
		this.steps.add(new Step(Objects.requireNonNull(text, "text"), Objects.requireNonNull(delay, "delay"), null));
		return this;
	}

	/**
	 * Adds a step: the next transcription fails.
	 * @param failure what it throws
	 * @return this model
	 */
	public synchronized ScriptedTranscriptionModel thenFail(RuntimeException failure) {
		this.steps.add(new Step("", Duration.ZERO, Objects.requireNonNull(failure, "failure")));
		return this;
	}

	@Override
	public AudioTranscriptionResponse call(AudioTranscriptionPrompt prompt) {
		Step step;
		synchronized (this) {
			try {
				this.received.add(prompt.getInstructions().getContentAsByteArray());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.filenames.add(String.valueOf(prompt.getInstructions().getFilename()));
			step = this.steps.poll();
		}
		if (step == null) {
			return new AudioTranscriptionResponse(new AudioTranscription(""));
		}
		if (!step.delay.isZero()) {
			try {
				Thread.sleep(step.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Transcription interrupted", ex);
			}
		}
		if (step.failure != null) {
			throw step.failure;
		}
		return new AudioTranscriptionResponse(new AudioTranscription(step.text));
	}

	/**
	 * Returns the audio files received, one per transcription (WAV for a voice agent).
	 * @return the files' bytes, oldest first
	 */
	public synchronized List<byte[]> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Returns the file names the audio came with (the format is told by the extension).
	 * @return the names, oldest first
	 */
	public synchronized List<String> filenames() {
		return List.copyOf(this.filenames);
	}

	/**
	 * Returns how many transcriptions were asked for.
	 * @return the count
	 */
	public synchronized int calls() {
		return this.received.size();
	}

	@Override
	public synchronized String toString() {
		return "ScriptedTranscriptionModel[" + this.steps.size() + " steps left, " + this.received.size() + " calls]";
	}

	private record Step(String text, Duration delay, @Nullable RuntimeException failure) {
	}

}
