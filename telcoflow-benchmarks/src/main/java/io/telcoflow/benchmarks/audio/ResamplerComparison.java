package io.telcoflow.benchmarks.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import io.telcoflow.audio.ResamplerMeasurements;
import io.telcoflow.audio.Signals;
import io.telcoflow.audio.resample.Resampler;

/**
 * Measures passband flatness, aliasing rejection and THD+N of telcoflow-audio's resampler, of SoX
 * ({@code sox ... rate -v}, its very-high-quality setting, no dither) and of the JDK's
 * {@code javax.sound.sampled} conversion, with the same signals ({@link ResamplerMeasurements}).
 * Needs {@code sox} on the path for its column. Run with {@code run.sh audio-quality}.
 */
public final class ResamplerComparison {

	private static final List<int[]> PAIRS = List.of(new int[] { 24_000, 16_000 }, new int[] { 24_000, 8000 },
			new int[] { 16_000, 24_000 }, new int[] { 8000, 24_000 }, new int[] { 48_000, 16_000 },
			new int[] { 44_100, 16_000 }, new int[] { 22_050, 16_000 }, new int[] { 44_100, 48_000 });

	private ResamplerComparison() {
	}

	/**
	 * Prints one Markdown table row per pair and converter.
	 * @param args unused
	 * @throws IOException when a temporary file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path work = Files.createTempDirectory("resampler-comparison");
		System.out.println("| conversion | converter | passband deviation | aliasing rejection | THD+N (1 kHz, -1 dBFS) |");
		System.out.println("|---|---|---|---|---|");
		for (int[] pair : PAIRS) {
			int in = pair[0];
			int out = pair[1];
			row(in, out, "telcoflow-audio", ResamplerMeasurements.measure(in, out, (x) -> ours(in, out, x)));
			row(in, out, "SoX rate -v", ResamplerMeasurements.measure(in, out, (x) -> sox(work, in, out, x, "-v")));
			row(in, out, "javax.sound", ResamplerMeasurements.measure(in, out, (x) -> javaSound(in, out, x)));
		}
	}

	private static void row(int in, int out, String converter, ResamplerMeasurements m) {
		System.out.printf("| %d → %d Hz | %s | %.4f dB | %.1f dB | %.1f dB |%n", in, out, converter, m.passbandDeviationDb(),
				m.aliasRejectionDb(), m.thdPlusNoiseDb());
	}

	private static short[] ours(int in, int out, short[] x) {
		Resampler resampler = new Resampler(in, out);
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		result.writeBytes(resampler.process(Signals.toBytes(x)));
		result.writeBytes(resampler.flush());
		return Signals.toSamples(result.toByteArray());
	}

	private static short[] sox(Path work, int in, int out, short[] x, String quality) {
		try {
			Path input = work.resolve("in.raw");
			Path output = work.resolve("out.raw");
			Files.write(input, Signals.toBytes(x));
			Process process = new ProcessBuilder("sox", "-D", "-t", "raw", "-r", String.valueOf(in), "-e", "signed",
					"-b", "16", "-c", "1", input.toString(), "-t", "raw", "-r", String.valueOf(out), "-e", "signed", "-b",
					"16", "-c", "1", output.toString(), "rate", quality)
				.redirectErrorStream(true)
				.start();
			String messages = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IOException("sox failed: " + messages);
			}
			return Signals.toSamples(Files.readAllBytes(output));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static short[] javaSound(int in, int out, short[] x) {
		javax.sound.sampled.AudioFormat source = new javax.sound.sampled.AudioFormat(in, 16, 1, true, false);
		javax.sound.sampled.AudioFormat target = new javax.sound.sampled.AudioFormat(out, 16, 1, true, false);
		byte[] bytes = Signals.toBytes(x);
		try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), source, x.length);
				AudioInputStream converted = AudioSystem.getAudioInputStream(target, stream)) {
			return Signals.toSamples(converted.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
