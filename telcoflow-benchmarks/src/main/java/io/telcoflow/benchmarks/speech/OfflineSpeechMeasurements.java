package io.telcoflow.benchmarks.speech;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.telcoflow.audio.AudioFormat;
import io.telcoflow.audio.wav.WavAudio;
import io.telcoflow.audio.wav.WavWriter;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechModel;
import io.telcoflow.speech.offline.FreeTtsTextToSpeechOptions;
import io.telcoflow.speech.offline.SphinxTranscriptionModel;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.core.io.ByteArrayResource;

/**
 * Start-up and per-sentence latency of the offline speech models, in wall-clock time (what a caller
 * waits), each model in a JVM of its own so that its construction is measured cold (the
 * transcription rows also hold a FreeTTS model, created first, to make their input). The baseline of a
 * latency is the duration of the sentence's audio: the ratio is the real-time factor (below 1:
 * faster than the caller speaks). Sentences: a receptionist's nine, synthesized by FreeTTS at
 * 24 kHz (a call's rate); five rounds after one warm-up round, medians. Run with
 * {@code run.sh speech}.
 */
public final class OfflineSpeechMeasurements {

	static final List<String> SENTENCES = List.of("Hello.", "Good morning.", "What are your opening hours?",
			"When are you open?", "I would like to leave a message.", "Can I talk to a person?",
			"Please call me back tomorrow.", "Thank you.", "Goodbye.");

	private OfflineSpeechMeasurements() {
	}

	/**
	 * Prints one row of the table, or its header.
	 * @param args {@code tts}, {@code grammar} or {@code language-model}; none for the header
	 */
	public static void main(String[] args) {
		if (args.length == 0) {
			System.out.println("| model | construction, cold JVM | heap in use after construction | latency per "
					+ "sentence, median | real-time factor, median | words right |");
			System.out.println("|---|---|---|---|---|---|");
			return;
		}
		switch (args[0]) {
			case "tts" -> {
				long before = System.currentTimeMillis();
				FreeTtsTextToSpeechModel model = new FreeTtsTextToSpeechModel();
				long ready = System.currentTimeMillis();
				measure("FreeTTS kevin16, PCM at 24 kHz", ready - before, model, null, 5);
			}
			case "grammar" -> {
				FreeTtsTextToSpeechModel speech = new FreeTtsTextToSpeechModel();
				long before = System.currentTimeMillis();
				SphinxTranscriptionModel model = SphinxTranscriptionModel.builder().phrases(SENTENCES).build();
				long ready = System.currentTimeMillis();
				measure("Sphinx4 grammar (9 phrases), WAV at 24 kHz", ready - before, speech, model, 5);
			}
			case "language-model" -> {
				FreeTtsTextToSpeechModel speech = new FreeTtsTextToSpeechModel();
				long before = System.currentTimeMillis();
				SphinxTranscriptionModel model = SphinxTranscriptionModel.builder().languageModel().build();
				long ready = System.currentTimeMillis();
				measure("Sphinx4 general language model, WAV at 24 kHz", ready - before, speech, model, 1);
			}
			default -> throw new IllegalArgumentException("Unknown model " + args[0]);
		}
	}

	private static void measure(String name, long startupMillis, FreeTtsTextToSpeechModel speech,
			@Nullable SphinxTranscriptionModel transcription, int rounds) {
		long heap = usedHeapAfterGc();
		List<Double> latencies = new ArrayList<>();
		List<Double> factors = new ArrayList<>();
		int words = 0;
		int right = 0;
		for (int round = -1; round < rounds; round++) {
			for (String sentence : SENTENCES) {
				byte[] pcm = speech.call(new TextToSpeechPrompt(sentence, FreeTtsTextToSpeechOptions.builder().build()))
					.getResult()
					.getOutput();
				double seconds = AudioFormat.PCM_24K.duration(pcm.length).toNanos() / 1e9;
				Supplier<Object> work;
				if (transcription == null) {
					work = () -> speech.call(sentence);
				}
				else {
					ByteArrayResource wav = new ByteArrayResource(WavWriter.toBytes(new WavAudio(AudioFormat.PCM_24K, pcm)));
					work = () -> transcription.transcribe(wav);
				}
				long start = System.nanoTime();
				Object result = work.get();
				double latency = (System.nanoTime() - start) / 1e9;
				if (round >= 0) {
					latencies.add(latency);
					factors.add(latency / seconds);
					if (result instanceof String text) {
						List<String> expected = words(sentence);
						List<String> heard = words(text);
						words += expected.size();
						for (int i = 0; i < Math.min(expected.size(), heard.size()); i++) {
							right += expected.get(i).equals(heard.get(i)) ? 1 : 0;
						}
					}
				}
			}
		}
		String accuracy = (words == 0) ? "n/a" : String.format(Locale.ROOT, "%d of %d", right, words);
		System.out.printf(Locale.ROOT, "| %s | %.2f s | %d MB | %.0f ms | %.3f | %s |%n", name, startupMillis / 1000.0,
				heap / 1_000_000, 1000 * median(latencies), median(factors), accuracy);
	}

	private static List<String> words(String text) {
		String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]+", " ").strip();
		return cleaned.isEmpty() ? List.of() : List.of(cleaned.split("\\s+"));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static long usedHeapAfterGc() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
