package io.telcoflow.speech.offline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.api.StreamSpeechRecognizer;
import io.telcoflow.audio.AudioFormat;
import org.jspecify.annotations.Nullable;

/**
 * One Sphinx4 recognizer with the en-us acoustic model and dictionary of sphinx4-data, either with
 * a JSGF grammar or with the general language model. Loading takes seconds, so it is done once and
 * the recognizer reused. Not thread-safe: {@link ModelPool} lends it to one caller at a time.
 */
final class SphinxRecognizer {

	static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";

	static final String DICTIONARY = MODELS + "cmudict-en-us.dict";

	/** 300 ms at 16 kHz: the silence put around speech, which Sphinx4's end-pointer needs. */
	static final int PADDING_BYTES = 9_600;

	private static final Pattern UNKNOWN = Pattern.compile("<unk>");

	private final StreamSpeechRecognizer recognizer;

	private SphinxRecognizer(StreamSpeechRecognizer recognizer) {
		this.recognizer = recognizer;
	}

	/**
	 * Loads a recognizer.
	 * @param grammarName the grammar's name, or {@code null} for the general language model
	 * @param grammar the JSGF text of that grammar
	 * @return the recognizer, loaded
	 */
	static SphinxRecognizer load(@Nullable String grammarName, @Nullable String grammar) {
		SphinxLogging.quiet();
		Configuration configuration = new Configuration();
		configuration.setAcousticModelPath(MODELS + "en-us");
		configuration.setDictionaryPath(DICTIONARY);
		configuration.setSampleRate(16_000);
		if (grammarName == null || grammar == null) {
			configuration.setLanguageModelPath(MODELS + "en-us.lm.bin");
			return loaded(configuration);
		}
		// Sphinx4 reads a grammar only from a URL (<location>/<name>.gram), and only when the
		// recognizer is first started: the file lives until then
		Path directory = null;
		try {
			directory = Files.createTempDirectory("telcoflow-sphinx-grammar");
			Files.writeString(directory.resolve(grammarName + ".gram"), grammar);
			configuration.setGrammarPath(directory.toUri().toString());
			configuration.setGrammarName(grammarName);
			configuration.setUseGrammar(true);
			return loaded(configuration);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the grammar for Sphinx4 to a temporary file", ex);
		}
		finally {
			delete(directory, grammarName);
		}
	}

	private static SphinxRecognizer loaded(Configuration configuration) {
		try {
			SphinxRecognizer loaded = new SphinxRecognizer(new StreamSpeechRecognizer(configuration));
			// The first start reads the grammar and warms the decoder up. It must hear speech: a
			// Sphinx4 5prealpha recognizer whose first audio has none (silence, or nothing) never
			// recognizes anything afterwards (measured), whereas speech first, even words outside the
			// grammar, leaves it working.
			loaded.recognize(WarmUp.SPEECH, (text) -> {
			});
			return loaded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not load Sphinx4's en-us models (is sphinx4-data on the class path?)", ex);
		}
	}

	private static void delete(@Nullable Path directory, String grammarName) {
		if (directory == null) {
			return;
		}
		try {
			Files.deleteIfExists(directory.resolve(grammarName + ".gram"));
			Files.deleteIfExists(directory);
		}
		catch (IOException ex) {
			directory.toFile().deleteOnExit();
		}
	}

	/**
	 * Recognizes speech, one segment (as Sphinx4's end-pointer cuts it at pauses) at a time.
	 * @param pcm signed 16-bit little-endian mono PCM at 16 kHz
	 * @param segments given the text of each segment that has words, in order
	 */
	void recognize(byte[] pcm, Consumer<String> segments) {
		this.recognizer.startRecognition(new ByteArrayInputStream(pcm));
		try {
			SpeechResult result;
			while ((result = this.recognizer.getResult()) != null) {
				// <unk>: what the grammar's out-of-grammar branch matched
				String text = UNKNOWN.matcher(result.getHypothesis()).replaceAll(" ").strip().replaceAll("\\s+", " ");
				if (!text.isEmpty()) {
					segments.accept(text);
				}
			}
		}
		finally {
			this.recognizer.stopRecognition();
		}
	}

	/**
	 * A word of speech for a recognizer's first start, synthesized once by FreeTTS's 16 kHz voice.
	 */
	private static final class WarmUp {

		static final byte[] SPEECH = WholeAudio.convert(
				FreeTtsVoice.create(FreeTtsTextToSpeechOptions.VOICE_16K).speak("Hello.", 1.0), AudioFormat.PCM_16K,
				AudioFormat.PCM_16K, PADDING_BYTES);

	}

}
