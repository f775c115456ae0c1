package io.telcoflow.speech.offline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.resample.Resampler;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavReader;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.audio.transcription.AudioTranscription;
import org.springframework.ai.audio.transcription.AudioTranscriptionOptions;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.core.io.Resource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Spring AI {@link TranscriptionModel} over CMU Sphinx4 with the US English (16 kHz) acoustic
 * model, dictionary and language model of sphinx4-data: speech recognition on the CPU with no
 * network and no account. Two modes, chosen when the model is built:
 * <ul>
 * <li><b>grammar</b> ({@link Builder#phrases}, {@link Builder#grammar}): only the phrases of a
 * grammar (in any sequence) can be recognized. Fast (a few hundred milliseconds per sentence) and
 * word for word on clear speech: for tests, demos and menus of known answers;</li>
 * <li><b>language model</b> ({@link Builder#languageModel()}): any English. Slow (seconds to tens
 * of seconds per sentence) and often wrong: for trying things out, not for production speech.</li>
 * </ul>
 * Input: a WAV file (16-bit PCM, μ-law or A-law, mono, at any rate of
 * {@link io.telcoflow.audio.resample.Resampler#SUPPORTED_RATES}), or raw audio in the format given
 * to {@link Builder#rawAudioFormat}; it is resampled to 16 kHz with telcoflow-audio. Anything else
 * is refused with an {@link IllegalArgumentException}; empty audio gives an empty transcript. The
 * transcript is the recognized words in lower case, without punctuation; the segments Sphinx4 cuts
 * at pauses are joined with a space. {@link #stream(AudioTranscriptionPrompt)} emits each segment as
 * it is recognized (on Reactor's bounded-elastic scheduler; a cancelled stream still decodes to the
 * end of its audio).
 * <p>
 * Thread-safe. Sphinx4 recognizers are not and each takes seconds and tens of megabytes to load,
 * so the model keeps a small pool: one recognizer loaded by {@link Builder#build()}, more (up to
 * {@link Builder#maxConcurrentTranscriptions}) when transcriptions overlap; beyond that a caller
 * waits. Sphinx4's own console logging is replaced: only its warnings and errors reach the
 * {@code java.util.logging} logger {@code edu.cmu.sphinx}.
 */
public final class SphinxTranscriptionModel implements TranscriptionModel {

	/** The model's name, for {@link AudioTranscriptionOptions#getModel()}. */
	public static final String MODEL = "sphinx4";

	private static final int SAMPLE_RATE = 16_000;

	private final ModelPool<SphinxRecognizer> recognizers;

	private final @Nullable AudioFormat rawAudioFormat;

	private final String mode;

	private SphinxTranscriptionModel(Builder builder) {
		String grammar = builder.grammar;
		String grammarName = (grammar != null) ? PhraseGrammar.name(grammar) : null;
		this.mode = (grammar != null) ? "grammar" : "language model";
		this.rawAudioFormat = builder.rawAudioFormat;
		this.recognizers = new ModelPool<>("Sphinx4 recognizers", () -> SphinxRecognizer.load(grammarName, grammar),
				builder.maxConcurrentTranscriptions);
		this.recognizers.prepareOne();
	}

	/**
	 * Returns a model that recognizes the given phrases, said one after another in any order.
	 * @param phrases the phrases (punctuation and case are ignored)
	 * @return the model, loaded
	 * @throws IllegalArgumentException when there is no phrase or a word is not in the dictionary
	 */
	public static SphinxTranscriptionModel forPhrases(String... phrases) {
		return builder().phrases(List.of(phrases)).build();
	}

	/**
	 * Returns a builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public AudioTranscriptionResponse call(AudioTranscriptionPrompt prompt) {
		byte[] pcm = pcm16k(prompt);
		List<String> segments = new ArrayList<>();
		if (pcm.length > 0) {
			recognize(pcm, segments::add);
		}
		return new AudioTranscriptionResponse(new AudioTranscription(String.join(" ", segments)));
	}

	@Override
	public Flux<AudioTranscriptionResponse> stream(AudioTranscriptionPrompt prompt) {
		return Flux.<String>create((sink) -> {
			try {
				byte[] pcm = pcm16k(prompt);
				if (pcm.length > 0) {
					recognize(pcm, sink::next);
				}
				sink.complete();
			}
			catch (RuntimeException ex) {
				sink.error(ex);
			}
		})
			.subscribeOn(Schedulers.boundedElastic())
			.map((text) -> new AudioTranscriptionResponse(new AudioTranscription(text)));
	}

	private void recognize(byte[] pcm, Consumer<String> segments) {
		SphinxRecognizer recognizer = this.recognizers.borrow();
		try {
			recognizer.recognize(pcm, segments);
		}
		catch (RuntimeException ex) {
			this.recognizers.discard(recognizer);
			throw ex;
		}
		this.recognizers.release(recognizer);
	}

	private byte[] pcm16k(AudioTranscriptionPrompt prompt) {
		AudioTranscriptionOptions options = prompt.getOptions();
		if (options != null && options.getModel() != null && !MODEL.equalsIgnoreCase(options.getModel())) {
			throw new IllegalArgumentException(
					"Unsupported model '" + options.getModel() + "'; SphinxTranscriptionModel supports: " + MODEL);
		}
		WavAudio audio = read(prompt.getInstructions());
		if (audio.data().length == 0) {
			return audio.data();
		}
		// silence on both sides: Sphinx4's end-pointer misses speech that starts or ends the audio
		return WholeAudio.convert(audio.data(), audio.format(), AudioFormat.pcm(SAMPLE_RATE),
				SphinxRecognizer.PADDING_BYTES);
	}

	private WavAudio read(Resource resource) {
		byte[] bytes;
		try {
			bytes = resource.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audio from " + resource.getDescription(), ex);
		}
		if (bytes.length >= 4 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F') {
			try {
				return WavReader.read(new ByteArrayInputStream(bytes));
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Unsupported audio: " + ex.getMessage(), ex);
			}
		}
		if (this.rawAudioFormat != null) {
			return new WavAudio(this.rawAudioFormat, bytes);
		}
		if (bytes.length == 0) {
			return new WavAudio(AudioFormat.PCM_16K, bytes);
		}
		throw new IllegalArgumentException("Unsupported audio: not a WAV file (no RIFF header), and the model was built "
				+ "without a raw audio format; SphinxTranscriptionModel takes WAV (16-bit PCM, μ-law or A-law, mono), "
				+ "or headerless audio in the format given to SphinxTranscriptionModel.builder().rawAudioFormat(...)");
	}

	@Override
	public String toString() {
		return "SphinxTranscriptionModel[" + this.mode + ", " + this.recognizers + "]";
	}

	/**
	 * Builds a {@link SphinxTranscriptionModel}. Choose one mode: {@link #phrases},
	 * {@link #grammar} or {@link #languageModel()}.
	 */
	public static final class Builder {

		private @Nullable String grammar;

		private boolean languageModel;

		private int maxConcurrentTranscriptions = 2;

		private @Nullable AudioFormat rawAudioFormat;

		private Builder() {
		}

		/**
		 * Recognizes only these phrases, said one after another in any order and number. Every
		 * word must be in Sphinx4's en-us dictionary (about 134,000 words; numbers spelled out).
		 * @param phrases the phrases (punctuation and case are ignored)
		 * @return this builder
		 * @throws IllegalArgumentException when there is no phrase or a word is not in the
		 * dictionary
		 */
		public Builder phrases(Collection<String> phrases) {
			this.grammar = PhraseGrammar.jsgf(phrases);
			return this;
		}

		/**
		 * Recognizes only what a JSGF grammar accepts (its public rules). Its words are not checked
		 * against the dictionary: Sphinx4 logs a warning for a word it cannot pronounce.
		 * @param jsgf the grammar's text, with a {@code grammar <name>;} line
		 * @return this builder
		 * @throws IllegalArgumentException when the grammar declares no name
		 */
		public Builder grammar(String jsgf) {
			PhraseGrammar.name(jsgf);
			this.grammar = jsgf;
			return this;
		}

		/**
		 * Recognizes any English with Sphinx4's general language model: slow and inaccurate.
		 * @return this builder
		 */
		public Builder languageModel() {
			this.languageModel = true;
			return this;
		}

		/**
		 * Sets how many transcriptions may run at once, each on a recognizer of its own (loading
		 * one takes seconds and tens of megabytes; more callers wait). The default is 2.
		 * @param maxConcurrentTranscriptions at least 1
		 * @return this builder
		 */
		public Builder maxConcurrentTranscriptions(int maxConcurrentTranscriptions) {
			if (maxConcurrentTranscriptions < 1) {
				throw new IllegalArgumentException(
						"maxConcurrentTranscriptions must be at least 1, was " + maxConcurrentTranscriptions);
			}
			this.maxConcurrentTranscriptions = maxConcurrentTranscriptions;
			return this;
		}

		/**
		 * Sets the format of audio given without a WAV header (WAV files always say their own).
		 * @param format the format, at one of the resampler's rates
		 * @return this builder
		 * @throws IllegalArgumentException when the resampler does not take its rate
		 */
		public Builder rawAudioFormat(AudioFormat format) {
			Objects.requireNonNull(format, "format");
			if (!Resampler.SUPPORTED_RATES.contains(format.sampleRate())) {
				throw new IllegalArgumentException("Unsupported sample rate " + format.sampleRate()
						+ " Hz; SphinxTranscriptionModel supports: " + Resampler.SUPPORTED_RATES.stream().sorted().toList());
			}
			this.rawAudioFormat = format;
			return this;
		}

		/**
		 * Builds the model and loads its first recognizer (seconds).
		 * @return the model
		 * @throws IllegalStateException when no mode or two modes were chosen
		 */
		public SphinxTranscriptionModel build() {
			if ((this.grammar != null) == this.languageModel) {
				throw new IllegalStateException(
						"Choose one mode: phrases(...) or grammar(...) for a grammar, or languageModel()");
			}
			return new SphinxTranscriptionModel(this);
		}

	}

}
